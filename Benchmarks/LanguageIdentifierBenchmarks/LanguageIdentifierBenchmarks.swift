// Throughput, allocations and peak memory of Matn's LanguageIdentifier (issue 5) on a
// fixed small set: one sentence in each of the 20 languages of the acceptance
// list, written for this benchmark (no third-party text).
//
// Each iteration identifies all 20 sentences once: throughput (# / s) times
// `sentences.count` is sentences/s. The model is loaded in `setup` (`loadedTexts`), not timed.
// For the dev sets and the CLI, see Sources/langid-throughput and scripts/bench-langid.

import Benchmark
import Matn

/// (expected language, sentence): the same sentence in each language.
let sentences: [(language: String, text: String)] = [
  ("en", "The weather was cold this morning, so we stayed at home and read books."),
  ("fa", "امروز صبح هوا سرد بود، برای همین در خانه ماندیم و کتاب خواندیم."),
  ("ar", "كان الطقس باردا هذا الصباح، فبقينا في البيت وقرأنا الكتب."),
  ("ur", "آج صبح موسم ٹھنڈا تھا، اس لیے ہم گھر پر رہے اور کتابیں پڑھیں۔"),
  ("ru", "Сегодня утром было холодно, поэтому мы остались дома и читали книги."),
  ("de", "Heute Morgen war es kalt, deshalb sind wir zu Hause geblieben und haben Bücher gelesen."),
  ("fr", "Il faisait froid ce matin, alors nous sommes restés à la maison pour lire des livres."),
  ("es", "Esta mañana hacía frío, así que nos quedamos en casa leyendo libros."),
  ("tr", "Bu sabah hava soğuktu, bu yüzden evde kalıp kitap okuduk."),
  ("zh", "今天早上天气很冷，所以我们待在家里看书。"),
  ("it", "Stamattina faceva freddo, quindi siamo rimasti a casa a leggere libri."),
  ("pt", "Esta manhã estava frio, por isso ficámos em casa a ler livros."),
  ("nl", "Vanochtend was het koud, dus bleven we thuis en lazen we boeken."),
  ("pl", "Dziś rano było zimno, więc zostaliśmy w domu i czytaliśmy książki."),
  ("uk", "Сьогодні вранці було холодно, тому ми залишилися вдома й читали книжки."),
  ("hi", "आज सुबह मौसम ठंडा था, इसलिए हम घर पर रहे और किताबें पढ़ीं।"),
  ("he", "הבוקר היה קר, אז נשארנו בבית וקראנו ספרים."),
  ("ja", "今朝は寒かったので、私たちは家で本を読みました。"),
  ("ko", "오늘 아침은 추워서 우리는 집에서 책을 읽었습니다."),
  ("vi", "Sáng nay trời lạnh nên chúng tôi ở nhà đọc sách."),
]

/// The sentences' texts, once the model is loaded (lazily, on first use): the setup of
/// the benchmark, so that no iteration pays for the loading.
let loadedTexts: [String] = {
  blackHole(LanguageIdentifier.default.identify(sentences[0].text))
  return sentences.map(\.text)
}()

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    timeUnits: .microseconds,
    warmupIterations: 10,
    scalingFactor: .one,
    maxDuration: .seconds(5),
    maxIterations: 100_000
  )

  Benchmark("LanguageIdentifier, \(sentences.count) sentences in \(sentences.count) languages") { benchmark, texts in
    let identifier = LanguageIdentifier.default
    for _ in benchmark.scaledIterations {
      for text in texts { blackHole(identifier.identify(text)) }
    }
  } setup: {
    loadedTexts
  }
}
