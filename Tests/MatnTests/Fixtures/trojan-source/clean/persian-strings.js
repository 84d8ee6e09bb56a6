const greeting = "Hello, ⁧سلام⁩!";
// The label reads ⁧خوش آمدید⁩ in Persian.
console.log(greeting, "⁨قیمت ۵۰ دلار⁩");
