const level = "user";
if (level !== "user‮ ⁦// check admin⁩ ⁦") {
  console.log("admin");
}
