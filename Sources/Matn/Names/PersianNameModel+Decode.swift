#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PersianNameModel {
  /// One hypothesis of the beam: its history, score and the step before it.
  struct Hypothesis {
    var history: UInt64
    var score: Float
    var parent: Int32
    var graphone: UInt16
  }

  /// The largest model order whose context slots a hypothesis keeps (``pack(_:_:)``'s six ids).
  static let slotStride = 8

  /// The best `k` romanisations of a folded part (lower case), with log10 scores,
  /// best first; empty if a letter has no graphone. With `style`
  /// ``PersianNameStyle/afghanistan`` the part starts from the start symbol of Afghan
  /// labels (id 2), otherwise from the general one (id 0). Ties keep the earlier
  /// hypothesis, so the result is deterministic. The beam's spellings are ranked by the
  /// graphone model's score plus `latinWeight` (default ``latinWeight``) times the
  /// Latin letter model's.
  ///
  /// The beam lives in one flat buffer (`beam` slots a step) and each hypothesis's
  /// successors are read from ``successors`` (its context rows' lists) when the model
  /// has them; `successorLists: false` probes the table for every graphone instead (the
  /// reference the tests hold the lists to: the same scores to the bit).
  ///
  /// - Complexity: O(*n* · *beam* · *g*) for *n* letters and *g* graphones a letter.
  func decode(
    _ letters: [Unicode.Scalar], beam: Int, k: Int, style: PersianNameStyle = .iran,
    latinWeight: Float = PersianNameModel.latinWeight, contextWeight: Float = PersianNameModel.contextWeight,
    successorLists: Bool = true
  ) -> [(String, Float)] {
    guard !letters.isEmpty, order > 1, order <= Self.slotStride, beam > 0 else { return [] }
    let n = letters.count
    let start: UInt64 = style == .afghanistan ? 2 : 0
    let mask: UInt64 = (1 << (10 * UInt64(order - 1))) - 1
    var history: UInt64 = 0
    for _ in 0..<(order - 1) { history = history << 10 | start }
    let lists = successorLists ? successors : nil
    // One allocation for the search and the ranking (no array a step).
    var scratch = Scratch()
    // Step i's beam in slots i·beam ..< i·beam + its count (step 0: the start alone).
    let allAt = scratch.region(Hypothesis.self, (n + 1) * beam)
    // The contexts of the hypotheses being extended and their rows' slots.
    let contextsAt = scratch.region(Contexts.self, beam)
    let slotsAt = scratch.region(Int32.self, beam * Self.slotStride)
    // A hypothesis's log probabilities for its letter's graphones (at the end, of the
    // end of the part for each hypothesis).
    let scoresAt = scratch.region(Float.self, max(mostOptions, beam))
    let ranking = Ranking(&scratch, spellings: beam, letters: n, longestChunk: longestChunk)
    let memory = scratch.allocate()
    defer { memory.deallocate() }
    let all = memory.bind(allAt, Hypothesis.self, (n + 1) * beam)
    let hypContexts = memory.bind(contextsAt, Contexts.self, beam)
    let slots = memory.bind(slotsAt, Int32.self, beam * Self.slotStride)
    slots.initialize(repeating: -1, count: beam * Self.slotStride)
    let scores = memory.bind(scoresAt, Float.self, max(mostOptions, beam))
    all.initialize(to: Hypothesis(history: history & mask, score: 0, parent: -1, graphone: 0))
    var live = 1
    for i in 0..<n {
      guard let options = graphones[letters[i].value << 8 | Self.nextClass(letters, i)], !options.isEmpty else {
        return []
      }
      let hyps = all + i * beam
      let kept = all + (i + 1) * beam
      var count = 0
      // The hypotheses' contexts asked for at once (``contexts(_:)`` then finds them cached).
      prefetchContexts(hyps, live, lists)
      // Each hypothesis's contexts, looked up once for all its graphones, and where its
      // successors are read asked for, for every hypothesis before any is scored: the
      // cache misses then overlap rather than come one after another.
      for p in 0..<live {
        let h = hyps[p].history
        let contexts = contexts(h, lists, slots + p * Self.slotStride)
        (hypContexts + p).initialize(to: contexts)
        let longest = UInt64(contexts.longest)
        if let lists {
          lists.prefetchRecord(slots[p * Self.slotStride + Int(longest)])
        } else {
          let context = h & ((1 << (10 * longest)) - 1)
          let shorter = longest > 0 ? h & ((1 << (10 * (longest - 1))) - 1) : 0
          for g in options {
            ngrams.prefetch((longest + 1) << 60 | context << 10 | UInt64(g))
            ngrams.prefetch(longest << 60 | shorter << 10 | UInt64(g))
          }
        }
      }
      options.withUnsafeBufferPointer { options in
        for p in 0..<live {
          let h = hyps[p]
          // Log probabilities are never positive, so once the beam is full, a hypothesis
          // no better than its last cannot place a successor (nor can any after it: the
          // beam is sorted): the same beam, without scoring them.
          if count == beam && h.score <= kept[beam - 1].score { break }
          let contexts = hypContexts[p]
          if let lists {
            lists.logProbs(options, contexts, slots + p * Self.slotStride, into: scores)
          } else {
            for (o, g) in options.enumerated() { scores[o] = Self.logProb(ngrams, h.history, g, contexts) }
          }
          for (o, g) in options.enumerated() {
            let score = h.score + scores[o]
            // Insert into the sorted beam; an equal score goes after (the earlier stays first).
            if count == beam && score <= kept[beam - 1].score { continue }
            var at = count == beam ? beam - 1 : count
            while at > 0 && kept[at - 1].score < score {
              kept[at] = kept[at - 1]
              at -= 1
            }
            kept[at] = Hypothesis(
              history: (h.history << 10 | UInt64(g)) & mask, score: score, parent: Int32(p), graphone: g)
            if count < beam { count += 1 }
          }
        }
      }
      live = count
    }
    // The end of the part after each hypothesis, its contexts asked for first (as above).
    let finals = all + n * beam
    prefetchContexts(finals, live, lists)
    for p in 0..<live {
      let h = finals[p].history
      if let lists {
        let contexts = contexts(h, lists, slots + p * Self.slotStride)
        var end: UInt16 = 1
        withUnsafePointer(to: &end) {
          lists.logProbs(UnsafeBufferPointer(start: $0, count: 1), contexts, slots + p * Self.slotStride, into: scores + p)
        }
      } else {
        scores[p] = logProb(h, 1)
      }
    }
    return rank(
      ranking.bound(memory), all, ends: scores, finals: live, letters: letters, beam: beam, k: k,
      latinWeight: latinWeight, contextWeight: contextWeight)
  }

  /// Asks for the context rows of `count` hypotheses' histories, in ``successors`` when
  /// `lists` is it, else in ``ngrams``.
  @inline(__always)
  private func prefetchContexts(_ hyps: UnsafeMutablePointer<Hypothesis>, _ count: Int, _ lists: NGramSuccessors?) {
    for p in 0..<count {
      let h = hyps[p].history
      for m in 1..<order {
        let key = UInt64(m) << 60 | h & ((1 << (10 * UInt64(m))) - 1)
        if let lists { lists.prefetchContext(key) } else { ngrams.prefetch(key) }
      }
    }
  }

  /// The contexts of `history` (``contexts(_:)``), from ``successors`` when `lists` is
  /// it (with each order's record in `slots[m]`), else from ``ngrams``.
  @inline(__always)
  private func contexts(_ history: UInt64, _ lists: NGramSuccessors?, _ slots: UnsafeMutablePointer<Int32>) -> Contexts {
    lists?.contexts(history, order: order, records: slots) ?? Self.contexts(ngrams, order, history)
  }

  /// Regions of one allocation, laid out in turn (``region(_:_:)``) and then allocated.
  struct Scratch {
    var size = 0

    /// The offset of a region of `count` values of `type`.
    mutating func region<T>(_ type: T.Type, _ count: Int) -> Int {
      let alignment = MemoryLayout<T>.alignment
      let at = (size + alignment - 1) & ~(alignment - 1)
      size = at + MemoryLayout<T>.stride * max(count, 1)
      return at
    }

    func allocate() -> UnsafeMutableRawPointer { .allocate(byteCount: max(size, 16), alignment: 16) }
  }

  /// The ranking's regions of a ``Scratch``: for each distinct spelling (at most one a
  /// hypothesis), its path, bytes, Latin ids and their running totals, and the
  /// right-context model's value at each letter.
  struct Ranking {
    let spellings: Int
    let letters: Int
    /// Room for one spelling's bytes (each letter's chunk at its longest).
    let room: Int
    let paths: Int, text: Int, lengths: Int, scores: Int, ids: Int, idCounts: Int, totals: Int, values: Int,
      borrowed: Int

    init(_ scratch: inout Scratch, spellings: Int, letters: Int, longestChunk: Int) {
      self.spellings = spellings
      self.letters = letters
      room = letters * longestChunk
      paths = scratch.region(UInt16.self, spellings * letters)
      text = scratch.region(UInt8.self, spellings * room)
      lengths = scratch.region(Int.self, spellings)
      scores = scratch.region(Float.self, spellings)
      ids = scratch.region(UInt16.self, spellings * room)
      idCounts = scratch.region(Int.self, spellings)
      totals = scratch.region(Float.self, spellings * (room + 1))
      values = scratch.region(Float.self, spellings * letters)
      borrowed = scratch.region(Int32.self, spellings * letters)
    }

    /// The regions as pointers into `memory`.
    func bound(_ memory: UnsafeMutableRawPointer) -> Bound {
      Bound(
        room: room, paths: memory.bind(paths, UInt16.self, spellings * letters),
        text: memory.bind(text, UInt8.self, spellings * room), lengths: memory.bind(lengths, Int.self, spellings),
        scores: memory.bind(scores, Float.self, spellings), ids: memory.bind(ids, UInt16.self, spellings * room),
        idCounts: memory.bind(idCounts, Int.self, spellings),
        totals: memory.bind(totals, Float.self, spellings * (room + 1)),
        values: memory.bind(values, Float.self, spellings * letters),
        borrowed: memory.bind(borrowed, Int32.self, spellings * letters))
    }

    struct Bound {
      let room: Int
      let paths: UnsafeMutablePointer<UInt16>
      let text: UnsafeMutablePointer<UInt8>
      let lengths: UnsafeMutablePointer<Int>
      let scores: UnsafeMutablePointer<Float>
      let ids: UnsafeMutablePointer<UInt16>
      let idCounts: UnsafeMutablePointer<Int>
      let totals: UnsafeMutablePointer<Float>
      let values: UnsafeMutablePointer<Float>
      let borrowed: UnsafeMutablePointer<Int32>
    }
  }

  /// The end of ``decode(_:beam:k:style:latinWeight:contextWeight:successorLists:)``: the
  /// last step's hypotheses (`finals` of them, in `all` as the decoder lays steps out)
  /// end the part (log10 p of its end after each in `ends`); those spelling the same string are merged (log-sum); the spellings
  /// are ranked with the Latin letter model (the press's ways of spelling) and the
  /// right-context model (each chunk given the letters after it, over each spelling's
  /// best path), best `k` first.
  private func rank(
    _ r: Ranking.Bound, _ all: UnsafeMutablePointer<Hypothesis>, ends: UnsafeMutablePointer<Float>, finals: Int, letters: [Unicode.Scalar], beam: Int,
    k: Int, latinWeight: Float, contextWeight: Float
  ) -> [(String, Float)] {
    let n = letters.count
    var count = 0
    chunkBytes.withUnsafeBufferPointer { chunkBytes in
      chunkEnds.withUnsafeBufferPointer { chunkEnds in
        for j in 0..<finals {
          let h = all[n * beam + j]
          let s = h.score + ends[j]
          // The path (into the next spelling's slot) and its bytes.
          let path = r.paths + count * n
          var index = j
          for step in stride(from: n, to: 0, by: -1) {
            let node = all[step * beam + index]
            path[step - 1] = node.graphone
            index = Int(node.parent)
          }
          let text = r.text + count * r.room
          var length = 0
          for t in 0..<n {
            let g = Int(path[t])
            for b in (g == 0 ? 0 : chunkEnds[g - 1])..<chunkEnds[g] {
              text[length] = chunkBytes[b]
              length += 1
            }
          }
          var same = -1
          for d in 0..<count where r.lengths[d] == length && memcmp(r.text + d * r.room, text, length) == 0 {
            same = d
            break
          }
          if same >= 0 {
            let a = r.scores[same]
            let m = max(a, s)
            r.scores[same] = m + log10(pow(10, a - m) + pow(10, s - m))
          } else {
            r.lengths[count] = length
            r.scores[count] = s
            count += 1
          }
        }
      }
    }
    if latin != nil, latinWeight != 0 {
      for d in 0..<count {
        let ids = r.ids + d * r.room
        var c = 0
        for b in 0..<r.lengths[d] {
          guard let id = Self.latinID(r.text[d * r.room + b]) else { continue }
          ids[c] = id
          c += 1
        }
        r.idCounts[d] = c
        // A spelling that begins as an earlier one does takes that one's running total
        // where they part (the same additions in the same order: the same value).
        var shared = 0
        var from = -1
        for e in 0..<d {
          let other = r.ids + e * r.room
          var l = 0
          while l < c && l < r.idCounts[e] && ids[l] == other[l] { l += 1 }
          if l > shared { (shared, from) = (l, e) }
        }
        let totals = r.totals + d * (r.room + 1)
        if from >= 0 {
          totals.update(from: r.totals + from * (r.room + 1), count: shared + 1)
        } else {
          totals[0] = 0
        }
        r.scores[d] += latinWeight * latinLogProb(UnsafeBufferPointer(start: ids, count: c), from: shared, totals: totals)
      }
    }
    if let context, contextWeight != 0 {
      context.addLogProbs(context.part(letters), r, count: count, weight: contextWeight)
    }
    var best: [(String, Float)] = []
    best.reserveCapacity(count)
    for d in 0..<count {
      best.append(
        (String(decoding: UnsafeBufferPointer(start: r.text + d * r.room, count: r.lengths[d]), as: UTF8.self), r.scores[d]))
    }
    best.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    if best.count > k { best.removeSubrange(k...) }
    return best
  }

  /// log10 of a spelling's Latin ids (``latinID(_:)``) under the Latin letter model, the
  /// end included, its first `from` ids' running total already in `totals[from]`
  /// (`totals[t]`: the total of the first *t* ids, written for the rest).
  func latinLogProb(_ ids: UnsafeBufferPointer<UInt16>, from: Int, totals: UnsafeMutablePointer<Float>) -> Float {
    guard let latin, latinOrder > 1 else { return 0 }
    let mask: UInt64 = (1 << (10 * UInt64(latinOrder - 1))) - 1
    var history: UInt64 = 0
    for t in 0..<from { history = (history << 10 | UInt64(ids[t])) & mask }
    // The slots of the spelling's longest n-grams and their contexts asked for first, so
    // the cache misses overlap.
    var ahead = history
    for t in from..<ids.count {
      let ngram = ahead << 10 | UInt64(ids[t])
      latin.prefetch(UInt64(latinOrder - 1) << 60 | ahead)
      latin.prefetch(UInt64(latinOrder) << 60 | ngram)
      ahead = ngram & mask
    }
    var total = totals[from]
    for t in from..<ids.count {
      total += Self.logProb(latin, latinOrder, history, ids[t])
      totals[t + 1] = total
      history = (history << 10 | UInt64(ids[t])) & mask
    }
    return total + Self.logProb(latin, latinOrder, history, 1)
  }
}

extension UnsafeMutableRawPointer {
  /// The `count` values of `type` at byte `offset`.
  fileprivate func bind<T>(_ offset: Int, _ type: T.Type, _ count: Int) -> UnsafeMutablePointer<T> {
    (self + offset).bindMemory(to: type, capacity: max(count, 1))
  }
}

extension PersianNameModel.RightContext {
  /// Adds `weight` times ``logProb(_:_:)-swift.method`` of each of `count` spellings (the
  /// ranking's paths) to their scores: a letter's chunk that an earlier spelling has at
  /// the same letter is not looked up again (the same additions in the same order: the
  /// same values to the bit).
  fileprivate func addLogProbs(_ part: Part, _ r: PersianNameModel.Ranking.Bound, count: Int, weight: Float) {
    let n = part.histories.count
    for s in 0..<count {
      for i in 0..<n {
        let chunk = chunkOfGraphone[Int(r.paths[s * n + i])]
        var from: Int32 = -1
        for t in 0..<s where chunkOfGraphone[Int(r.paths[t * n + i])] == chunk {
          from = Int32(t)
          break
        }
        r.borrowed[s * n + i] = from
        guard from < 0 else { continue }
        let m = UInt64(part.contexts[i].longest)
        let context = part.histories[i] & ((1 << (10 * m)) - 1)
        table.prefetch((m + 1) << 60 | context << 10 | UInt64(chunk))
      }
    }
    for s in 0..<count {
      var total: Float = 0
      for i in 0..<n {
        let t = Int(r.borrowed[s * n + i])
        let value =
          t >= 0
          ? r.values[t * n + i]
          : PersianNameModel.logProb(
            table, part.histories[i], chunkOfGraphone[Int(r.paths[s * n + i])], part.contexts[i])
        r.values[s * n + i] = value
        total += value
      }
      r.scores[s] += weight * total
    }
  }
}
