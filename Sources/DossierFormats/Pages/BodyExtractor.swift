import Foundation

/// Finds a web page's article body: its paragraphs, without the page's navigation, menus,
/// ads, share buttons, related stories, comments, cookie banners and footers.
///
/// The method is Readability's, which has held up on the open web for years: every paragraph
/// of prose scores the elements that hold it (more for longer text and for commas, which
/// prose has and menus do not), the best-scored element is the article, less what is mostly
/// links, and siblings that score nearly as well join it. Class names and ids that mark page
/// furniture ("comment", "share", "related"…) and elements that are never prose (scripts,
/// forms' controls, `nav`, `aside`) are left out first; if that leaves too little, they are
/// looked at again. Every walk is a loop over the flat tree, so no page is too deep for it.
struct BodyExtractor {
    private let tree: HTMLTree
    /// Text length (bytes, white space not counted), of it the part inside links, and commas, below each node.
    private var textLength: [Int32]
    private var linkLength: [Int32]
    private var commas: [Int32]
    private var excluded: [Bool]
    /// Paragraphs, images, list items and form controls below each node, for telling lists and galleries from prose.
    private var counts: [ElementCounts]
    /// Each element's class-name verdicts, worked out once: names are matched as bytes, since
    /// String's `contains` took most of the time on pages with thousands of classes.
    private let isFurnitureByName: [Bool]
    /// Named as a byline, date or caption: short ones are metadata, not the article.
    private let isMetadataByName: [Bool]
    private let weights: [Double]

    /// Paragraphs shorter than this (bytes) do not vote for their container.
    static let shortestScoredParagraph = 25
    /// When the first pass finds less than this much text, the page is looked at again without
    /// trusting class names: some sites mark their article body with words such as "share".
    static let shortestBody = 250

    init(tree: HTMLTree) {
        self.tree = tree
        textLength = Array(repeating: 0, count: tree.count)
        linkLength = Array(repeating: 0, count: tree.count)
        commas = Array(repeating: 0, count: tree.count)
        excluded = Array(repeating: false, count: tree.count)
        counts = Array(repeating: ElementCounts(), count: tree.count)
        var isFurnitureByName = Array(repeating: false, count: tree.count)
        var weights = Array(repeating: 0.0, count: tree.count)
        var isMetadataByName = Array(repeating: false, count: tree.count)
        for node in 1..<tree.count where tree.tag(node) != .text {
            let classNames = tree.attribute("class", of: node).map(NameKinds.of) ?? []
            let id = tree.attribute("id", of: node).map(NameKinds.of) ?? []
            guard !classNames.isEmpty || !id.isEmpty else { continue }
            for names in [classNames, id] {
                if names.contains(.negative) { weights[node] -= 25 }
                if names.contains(.positive) { weights[node] += 25 }
            }
            let both = classNames.union(id)
            isMetadataByName[node] = both.contains(.metadata)
            isFurnitureByName[node] = both.contains(.furniture) && !both.contains(.maybeContent)
        }
        self.isFurnitureByName = isFurnitureByName
        self.isMetadataByName = isMetadataByName
        self.weights = weights
    }

    /// The body's paragraphs, each on one line, spaces collapsed.
    static func paragraphs(of tree: HTMLTree) -> [String] {
        var extractor = BodyExtractor(tree: tree)
        let strict = extractor.extract(trustingClassNames: true)
        if strict.reduce(0, { $0 + $1.utf8.count }) >= shortestBody { return strict }
        let lenient = extractor.extract(trustingClassNames: false)
        return lenient.reduce(0, { $0 + $1.utf8.count }) > strict.reduce(0, { $0 + $1.utf8.count }) ? lenient : strict
    }

    /// Every block of text in the tree, in order, leaving out only what is never content (scripts,
    /// styles, controls, hidden elements): for fragments that are all article, such as a feed's.
    static func allBlocks(of tree: HTMLTree) -> [String] {
        var extractor = BodyExtractor(tree: tree)
        extractor.markExcluded(trustingClassNames: false)
        extractor.measure()
        extractor.roots = [0]
        extractor.bestScored = 0
        return extractor.blockText(of: [0], dropping: [])
    }

    private mutating func extract(trustingClassNames: Bool) -> [String] {
        trustsClassNames = trustingClassNames
        markExcluded(trustingClassNames: trustingClassNames)
        measure()
        guard let body = bestContainer() else { return [] }
        var paragraphs = text(of: includedNodes(around: body))
        // A copyright line or credit at the end is the page's, not the article's.
        while paragraphs.count > 1, let last = paragraphs.last, Footer.isMetadata(last) { paragraphs.removeLast() }
        paragraphs.removeAll(where: BodyExtractor.isTimestampLine)
        return paragraphs
    }

    /// "Published Monday, November 18, 2019 8:22AM EST", "Updated at 1:23 p.m.": when the page
    /// said so, not what the article says.
    static func isTimestampLine(_ paragraph: String) -> Bool {
        guard paragraph.utf8.count <= 120, paragraph.contains(where: \.isNumber) else { return false }
        let words = paragraph.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.contains { ["published", "updated", "posted", "modified"].contains($0) }
            && !paragraph.contains(". ") && words.count <= 16
    }

    // MARK: - What is never content

    private mutating func markExcluded(trustingClassNames: Bool) {
        for node in 1..<tree.count {
            let tag = tree.tag(node)
            let parent = tree.parent(node) ?? 0
            if excluded[parent] { excluded[node] = true; continue }
            guard tag != .text else { excluded[node] = false; continue }
            excluded[node] = tag.isNeverContent || isHidden(node)
                || (trustingClassNames && isFurniture(node))
        }
    }

    private func isHidden(_ node: Int) -> Bool {
        if tree.attribute("hidden", of: node) != nil { return true }
        if tree.attribute("aria-hidden", of: node)?.lowercased() == "true" { return true }
        if let style = tree.attribute("style", of: node)?.lowercased().filter({ $0 != " " }),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        return false
    }

    /// Page furniture by its class, id or role, unless the names also say it may be the article.
    private func isFurniture(_ node: Int) -> Bool {
        let tag = tree.tag(node)
        if [.body, .html, .article, .main, .a].contains(tag) { return false }
        if let role = tree.attribute("role", of: node)?.lowercased(), BodyExtractor.furnitureRoles.contains(role) { return true }
        return isFurnitureByName[node]
    }

    static let furnitureRoles: Set<String> = ["navigation", "complementary", "banner", "contentinfo", "dialog", "alertdialog", "menu", "menubar", "search"]
    /// Parts of class names and ids that mark what is not the article (Readability's, and a few more seen on news sites).
    static let furnitureNames: [[UInt8]] = [
        "-ad-", "ad-break", "adslot", "advert", "agegate", "banner", "breadcrumb", "combx", "comment", "community", "consent",
        "cookie", "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "masthead", "menu", "modal", "newsletter",
        "outbrain", "pagination", "pager", "popup", "promo", "related", "remark", "replies", "rss", "shoutbox",
        "sidebar", "signup", "skyscraper", "social", "sponsor", "subscribe", "supplemental", "taboola", "toolbar",
        "yom-remote", "recommend", "most-popular", "mostpopular", "trending", "read-more", "readmore", "more-stories",
    ].map { Array($0.utf8) }
    static let metadataNames: [[UInt8]] = [
        "byline", "author", "dateline", "timestamp", "publish-date", "pubdate", "post-date", "entry-date", "caption", "credit",
        "post-meta", "entry-meta", "article-meta", "article__meta",
    ].map { Array($0.utf8) }
    static let maybeContentNames: [[UInt8]] = ["and", "article", "body", "column", "content", "main", "shadow", "story", "entry", "post-text"].map { Array($0.utf8) }
    static let positiveNames: [[UInt8]] = ["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story"].map { Array($0.utf8) }
    static let negativeNames: [[UInt8]] = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta",
        "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",
        "widget", "byline", "author", "caption", "credit", "newsletter", "subscribe", "recommend",
    ].map { Array($0.utf8) }

    // MARK: - Measuring

    /// Sums, bottom up, the text, link text and commas below every node that is not excluded.
    private mutating func measure() {
        for index in textLength.indices { textLength[index] = 0; linkLength[index] = 0; commas[index] = 0; counts[index] = ElementCounts() }
        // Children follow their parents in the array, so one backward pass sums every subtree.
        var node = tree.count - 1
        while node > 0 {
            defer { node -= 1 }
            switch tree.tag(node) {
            case .p: counts[node].paragraphs += 1
            case .img: counts[node].images += 1
            case .li: counts[node].listItems += 1
            case .input, .select, .textarea: counts[node].controls += 1
            case .a where !excluded[node] && textLength[node] > 0: counts[node].links += 1
            default: break
            }
            if let parent = tree.parent(node) { counts[parent].add(counts[node]) }
            guard !excluded[node] else { continue }
            if tree.tag(node) == .text {
                let bytes = tree.textBytes(node)
                var length: Int32 = 0
                var commaCount: Int32 = 0
                var index = bytes.startIndex
                while index < bytes.endIndex {
                    let byte = bytes[index]
                    if byte > 0x20 { length += 1 }
                    if byte == 0x2C { commaCount += 1 }
                    // "，" and "、", the commas of Chinese and Japanese.
                    if byte == 0xEF, index + 2 < bytes.endIndex, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x8C { commaCount += 1 }
                    if byte == 0xE3, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80, bytes[index + 2] == 0x81 { commaCount += 1 }
                    index += 1
                }
                textLength[node] = length
                commas[node] = commaCount
                if length > 0, let parent = tree.parent(node) { counts[parent].textBlocks = max(counts[parent].textBlocks, 1) }
            } else if tree.tag(node) == .a {
                linkLength[node] = textLength[node]
            }
            if let parent = tree.parent(node) {
                textLength[parent] += textLength[node]
                linkLength[parent] += linkLength[node]
                commas[parent] += commas[node]
            }
        }
    }

    private func linkDensity(_ node: Int) -> Double {
        textLength[node] == 0 ? 0 : Double(linkLength[node]) / Double(textLength[node])
    }

    private func classWeight(_ node: Int) -> Double { weights[node] }

    // MARK: - Scoring

    /// An element that holds prose directly: a paragraph, or a container with no blocks inside.
    private func isParagraph(_ node: Int) -> Bool {
        switch tree.tag(node) {
        case .p, .pre, .td, .blockquote: return true
        case .div, .section, .span, .font, .center:
            // A container whose children are all inline: text written without <p>.
            return tree.children(node).allSatisfy { !tree.tag($0).isBlock || tree.tag($0) == .text }
                && tree.children(node).contains { tree.tag($0) == .text && !tree.textBytes($0).allSatisfy { $0 <= 0x20 } }
        default: return false
        }
    }

    private func initialScore(_ node: Int) -> Double {
        let base: Double = switch tree.tag(node) {
        case .div, .article, .main: 5
        case .pre, .td, .blockquote: 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: -5
        default: 0
        }
        return base + classWeight(node)
    }

    /// An element and its final score: its paragraphs' votes, less its share of link text.
    private typealias Candidate = (node: Int, score: Double)

    /// The element that holds the article, or nil when the page has no prose: the best-scored
    /// element, or the ancestor of it that holds more of the article.
    private mutating func bestContainer() -> Int? {
        let ranked = rankedCandidates()
        guard let best = ranked.first else { return nil }
        bestScored = best.node
        finalScores = Dictionary(uniqueKeysWithValues: ranked.map { ($0.node, $0.score) })
        var top = holderOfStrongCandidates(around: best, ranked: ranked)
        top = holderOfChunks(like: top, ranked: ranked)
        top = betterScoringAncestor(of: top)
        return outermostOnlyChild(from: top.node)
    }

    /// Every element a paragraph voted for, with its final score, best first; ties go to the earlier element.
    private func rankedCandidates() -> [Candidate] {
        var ranked = paragraphVotes().map { (node: $0.key, score: $0.value * (1 - linkDensity($0.key))) }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
        return ranked
    }

    /// The votes of every paragraph long enough to count, added up for each element above them.
    private func paragraphVotes() -> [Int: Double] {
        var scores: [Int: Double] = [:]
        for node in 1..<tree.count where !excluded[node] && tree.tag(node) != .text {
            if isParagraph(node) {
                let length = Int(textLength[node])
                guard length >= BodyExtractor.shortestScoredParagraph, let parent = tree.parent(node) else { continue }
                vote(length: length, commaCount: commas[node], from: parent, into: &scores)
            } else if tree.tag(node).isBlock {
                // Text written straight into a container beside its blocks (lines split by <br>, say)
                // is a paragraph of that container's, as if it were wrapped in <p>.
                var length: Int32 = 0
                var commaCount: Int32 = 0
                for child in tree.children(node) where !excluded[child] && !tree.tag(child).isBlock {
                    length += textLength[child]
                    commaCount += commas[child]
                }
                guard Int(length) >= BodyExtractor.shortestScoredParagraph else { continue }
                vote(length: Int(length), commaCount: commaCount, from: node, into: &scores)
            }
        }
        return scores
    }

    /// Adds a paragraph's vote to the elements above it: all of it to the first, half to the
    /// next, then a third of the level, five levels up.
    private func vote(length: Int, commaCount: Int32, from first: Int, into scores: inout [Int: Double]) {
        let score = 1 + Double(commaCount) + Double(min(length / 100, 3))
        var ancestor: Int? = first
        var level = 0
        while let current = ancestor, current > 0, level < 5 {
            if scores[current] == nil { scores[current] = initialScore(current) }
            let divider: Double = level == 0 ? 1 : level == 1 ? 2 : Double(level * 3)
            scores[current]! += score / divider
            ancestor = tree.parent(current)
            level += 1
        }
    }

    /// Several strong candidates inside one element: the article is that element.
    private func holderOfStrongCandidates(around top: Candidate, ranked: [Candidate]) -> Candidate {
        let strong = ranked.prefix(5).dropFirst().filter { $0.score >= top.score * 0.75 }.map(\.node)
        guard strong.count >= 2 else { return top }
        var ancestor = tree.parent(top.node)
        var climbed = 0
        while let current = ancestor, current > 0, tree.tag(current) != .body, climbed < BodyExtractor.climbLimit {
            climbed += 1
            let holding = strong.filter { isAncestor(current, of: $0) }.count
            if holding >= 2 { return (current, finalScores[current] ?? top.score) }
            ancestor = tree.parent(current)
        }
        return top
    }

    /// An article cut into chunks by ads or embeds, each chunk an element of the same class: the
    /// article is the nearest element holding them all.
    private func holderOfChunks(like top: Candidate, ranked: [Candidate]) -> Candidate {
        guard let topClass = tree.attribute("class", of: top.node), !topClass.isEmpty else { return top }
        let chunks = ranked.filter { $0.node != top.node && $0.score >= max(10, top.score * 0.2)
            && tree.attribute("class", of: $0.node) == topClass }.map(\.node)
        var holder = top.node
        var climbed = 0
        for chunk in chunks {
            while holder > 0, !isAncestor(holder, of: chunk), climbed < BodyExtractor.climbLimit {
                holder = tree.parent(holder) ?? 0
                climbed += 1
            }
        }
        if climbed == BodyExtractor.climbLimit { holder = top.node }
        guard holder > 0, holder != top.node, tree.tag(holder) != .body else { return top }
        return (holder, finalScores[holder] ?? top.score)
    }

    /// A parent that scores better than its best child holds more of the article.
    private func betterScoringAncestor(of top: Candidate) -> Candidate {
        var lastScore = top.score
        var ancestor = tree.parent(top.node)
        var climbed = 0
        while let current = ancestor, current > 0, tree.tag(current) != .body, climbed < BodyExtractor.climbLimit {
            climbed += 1
            guard let parentScore = finalScores[current] else { ancestor = tree.parent(current); continue }
            if parentScore < top.score / 3 { break }
            if parentScore > lastScore { return (current, parentScore) }
            lastScore = parentScore
            ancestor = tree.parent(current)
        }
        return top
    }

    /// An only child says no more than its parent: the highest element reached from `node` through
    /// parents that hold nothing else.
    private func outermostOnlyChild(from node: Int) -> Int {
        var node = node
        var climbed = 0
        while climbed < BodyExtractor.climbLimit, let parent = tree.parent(node), parent > 0, tree.tag(parent) != .body,
              tree.children(parent).filter({ tree.tag($0) != .text || textLength[$0] > 0 }).count == 1 {
            node = parent
            climbed += 1
        }
        return node
    }

    private var finalScores: [Int: Double] = [:]
    /// Whether this pass set aside what class names call furniture: only then is a container beside
    /// the body, which could be a comment box a lenient pass keeps, taken for the body going on.
    private var trustsClassNames = true
    /// The elements whose text is the article: never dropped as a whole.
    private var roots: Set<Int> = []
    /// The element that scored best, before its parents were looked at: it and every element
    /// holding it are the article's, whatever their links and controls.
    private var bestScored = 0
    /// It and its ancestors.
    private var bestPath = Set<Int>()

    private func isAncestor(_ ancestor: Int, of node: Int) -> Bool { tree.isAncestor(ancestor, of: node) }

    /// How far up from a paragraph the article is looked for: far more than any real page needs,
    /// and a bound on the work a page nested a hundred thousand deep can ask for.
    static let climbLimit = 100

    /// The container, and those of its siblings that read as part of the article.
    private func includedNodes(around top: Int) -> [Int] {
        guard let parent = tree.parent(top) else { return [top] }
        let topScore = finalScores[top] ?? 0
        let threshold = max(10, topScore * 0.2)
        let topClass = tree.attribute("class", of: top)
        let bodyParagraphs = trustsClassNames ? paragraphKind(under: top) : nil
        var included: [Int] = []
        // Blocks passed since the body last went on: a body goes on past one or two (a newsletter box,
        // an ad), not past the rest of the page.
        var interruptions: Int? = nil
        for sibling in tree.children(parent) where !excluded[sibling] || interruptions != nil {
            if sibling == top { included.append(sibling); interruptions = 0; continue }
            guard tree.tag(sibling) != .text else { continue }
            if excluded[sibling] { interruptions? += 1; continue }
            var score = finalScores[sibling] ?? -1
            if let topClass, !topClass.isEmpty, tree.attribute("class", of: sibling) == topClass { score += topScore * 0.2 }
            if score >= threshold { included.append(sibling); interruptions = interruptions.map { _ in 0 }; continue }
            if let bodyParagraphs, let passed = interruptions, passed <= 2, continuesTheBody(sibling, paragraphKind: bodyParagraphs) {
                included.append(sibling)
                interruptions = 0
                continue
            }
            if tree.tag(sibling) == .p {
                let length = textLength[sibling]
                let density = linkDensity(sibling)
                if length > 80 && density < 0.25 { included.append(sibling); continue }
                else if length > 0, length <= 80, density == 0, tree.textContent(of: sibling).contains(". ") { included.append(sibling); continue }
            }
            if textLength[sibling] > 0 { interruptions? += 1 }
        }
        return included
    }

    /// How the body's paragraphs are written: the class of its `<p>` elements (the empty string for
    /// none) and how deep below it they sit, the most common of them; nil when the body has no `<p>`.
    private func paragraphKind(under body: Int) -> ParagraphKind? {
        var kinds: [ParagraphKind: Int] = [:]
        for node in tree.descendants(of: body) where tree.tag(node) == .p && !excluded[node] && textLength[node] > 0 {
            kinds[ParagraphKind(of: node, under: body, in: tree), default: 0] += 1
        }
        return kinds.max { $0.value != $1.value ? $0.value < $1.value : $0.key.depth > $1.key.depth }?.key
    }

    /// A container after the body, past a block that interrupts it, that holds nothing but sentences
    /// in paragraphs written as the body's are (the same class, as deep below it): the body going
    /// on, however short its paragraphs, since text on both sides of the interruption is one article.
    /// Not a teaser (a linked heading), a label ("Advertisement"), a comment thread (deeper) or a list of links.
    private func continuesTheBody(_ container: Int, paragraphKind: ParagraphKind) -> Bool {
        guard [.div, .section, .article].contains(tree.tag(container)), textLength[container] > 0,
              linkDensity(container) < 0.25 else { return false }
        var paragraphText = 0
        var sentences = 0
        for node in tree.descendants(of: container) where !excluded[node] {
            let tag = tree.tag(node)
            if tag.isHeading, linkLength[node] > 0 { return false }
            guard tag == .p, textLength[node] > 0 else { continue }
            guard ParagraphKind(of: node, under: container, in: tree) == paragraphKind else { return false }
            paragraphText += Int(textLength[node])
            let text = tree.textContent(of: node)
            if let last = text.last(where: { !$0.isWhitespace }), ".!?…\"”’»".contains(last) { sentences += 1 }
        }
        return sentences >= 2 && paragraphText * 10 >= Int(textLength[container]) * 9
    }

    // MARK: - Text

    /// The paragraphs under `roots`, block by block, leaving out headlines, what is mostly links,
    /// and containers whose names or make-up mark them as furniture.
    private mutating func text(of roots: [Int]) -> [String] {
        self.roots = Set(roots)
        return blockText(of: roots, dropping: droppedContainers(under: roots))
    }

    /// The text under `roots`, a paragraph a block, without what is excluded or dropped.
    private func blockText(of roots: [Int], dropping dropped: Set<Int>) -> [String] {
        var paragraphs: [String] = []
        var current: [UInt8] = []
        // Links open and a link closed since the last words: the next link's words are not the same word's.
        var openLinks = 0
        var afterLink = false
        func flush() {
            let paragraph = HTMLText.collapsingSpaces(current)
            current.removeAll(keepingCapacity: true)
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
        }
        for root in roots {
            // Depth-first with an explicit stack; a negative entry closes the element -entry - 1.
            var stack: [Int] = [root]
            while let entry = stack.popLast() {
                if entry < 0 {
                    let closed = tree.tag(-entry - 1)
                    if closed.isBlock { flush() }
                    if closed == .a { openLinks -= 1; afterLink = true }
                    continue
                }
                let node = entry
                guard !excluded[node], !dropped.contains(node) else { continue }
                let tag = tree.tag(node)
                if tag == .text {
                    let bytes = tree.textBytes(node)
                    guard let first = bytes.first(where: { $0 > 0x20 }) else { current.append(contentsOf: bytes); continue }
                    // "<a>Ilhan Omar</a><a>Hillicon Valley</a>" is two links' words, never "OmarHillicon"; scripts
                    // written without spaces (from U+3000: kana, CJK, Hangul, whose UTF-8 starts at 0xE3) stay so.
                    if afterLink, openLinks > 0, first == bytes.first, first < 0xE3, let last = current.last, last > 0x20 {
                        current.append(0x20)
                    }
                    afterLink = false
                    current.append(contentsOf: bytes)
                    continue
                }
                if tag == .a { openLinks += 1 }
                if tag == .br { current.append(0x0A); continue }
                if tag.isBlock { flush() }
                stack.append(-node - 1)
                var children: [Int] = []
                for child in tree.children(node) { children.append(child) }
                stack.append(contentsOf: children.reversed())
            }
            flush()
        }
        return paragraphs
    }

    /// The elements under `roots` left out of the text, decided children first: once a list of
    /// links inside a container is dropped, the container is judged on what remains, so that a
    /// wrapper holding the article and a share bar is not dropped for the bar's links.
    private mutating func droppedContainers(under roots: [Int]) -> Set<Int> {
        var dropped = Set<Int>()
        // What was dropped below each node, summed on the way up in the same backward pass, so that
        // each node is judged on what remains at the cost of one step, however deep the page.
        var removedBelow: [Int: DroppedText] = [:]
        var bestPath = Set<Int>()
        var step: Int? = bestScored
        while let current = step { bestPath.insert(current); step = tree.parent(current) }
        self.bestPath = bestPath
        for root in roots {
            for node in tree.descendants(of: root).reversed() where !excluded[node] && tree.tag(node) != .text {
                var removed = removedBelow[node] ?? DroppedText()
                subtract(removed, from: node)
                guard let parent = tree.parent(node) else { continue }
                if isDroppedFromText(node) {
                    dropped.insert(node)
                    removed = DroppedText(text: removed.text + textLength[node], links: removed.links + linkLength[node],
                                          commas: removed.commas + commas[node], linkElements: removed.linkElements + counts[node].links)
                }
                if removed != DroppedText() { removedBelow[parent, default: DroppedText()].add(removed) }
            }
            subtract(removedBelow[root] ?? DroppedText(), from: root)
        }
        return dropped
    }

    private mutating func subtract(_ removed: DroppedText, from node: Int) {
        textLength[node] -= removed.text
        linkLength[node] -= removed.links
        commas[node] -= removed.commas
        counts[node].links -= removed.linkElements
    }

    /// Inside the article: its headline, and containers that read as furniture rather than
    /// prose (Readability's "clean conditionally"): marked so by their names and not outweighed
    /// by their text, or, with few commas, mostly links, images, list items or form controls.
    private func isDroppedFromText(_ node: Int) -> Bool {
        let tag = tree.tag(node)
        // The headline is the title, and pictures' captions and credits are not the article's prose.
        if tag == .h1 || tag == .figure || tag == .figcaption { return true }
        if isMetadataByName[node], textLength[node] < 300 { return true }
        if tag == .p {
            return textLength[node] > 0 && textLength[node] < 200 && linkDensity(node) > 0.5
        }
        if isCardOfLinks(node) { return true }
        guard [.div, .section, .ul, .ol, .table, .form, .fieldset, .header, .figure, .dl, .aside].contains(tag),
              !roots.contains(node), !bestPath.contains(node) else { return false }
        let weight = classWeight(node)
        if weight + (finalScores[node] ?? 0) < 0 { return true }
        guard commas[node] < 10 else { return false }
        let below = counts[node]
        let density = linkDensity(node)
        let isList = tag == .ul || tag == .ol
        if below.images > 1 && Double(below.paragraphs) / Double(below.images) < 0.5 && textLength[node] < 200 { return true }
        // A picture with its caption.
        if below.images >= 1 && below.textBlocks <= 1 && textLength[node] < 300 && tag != .ul && tag != .ol { return true }
        if !isList && below.listItems - 100 > below.paragraphs { return true }
        if below.controls > below.paragraphs / 3 && below.controls > 0 { return true }
        if textLength[node] < 25 && (below.images == 0 || below.images > 2) && textLength[node] > 0 { return true }
        if weight < 25 && density > 0.2 { return true }
        if weight >= 25 && density > 0.5 { return true }
        return false
    }
}

/// What the parts of a class attribute or id say of an element.
private struct NameKinds: OptionSet {
    let rawValue: UInt8
    static let furniture = NameKinds(rawValue: 1)
    static let maybeContent = NameKinds(rawValue: 2)
    static let positive = NameKinds(rawValue: 4)
    static let negative = NameKinds(rawValue: 8)
    static let metadata = NameKinds(rawValue: 16)

    /// Every word list's parts, filed by their first byte, so that one pass over a name finds them all.
    private static let byFirstByte: [[(part: [UInt8], kind: NameKinds)]] = {
        var table = Array(repeating: [(part: [UInt8], kind: NameKinds)](), count: 256)
        let lists: [([[UInt8]], NameKinds)] = [
            (BodyExtractor.furnitureNames, .furniture), (BodyExtractor.maybeContentNames, .maybeContent),
            (BodyExtractor.positiveNames, .positive), (BodyExtractor.negativeNames, .negative), (BodyExtractor.metadataNames, .metadata),
        ]
        for (parts, kind) in lists {
            for part in parts { table[Int(part[0])].append((part, kind)) }
        }
        return table
    }()

    /// The kinds whose parts occur anywhere in `name`, in any case.
    static func of(_ name: String) -> NameKinds {
        let bytes = name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var found: NameKinds = []
        for start in bytes.indices {
            for (part, kind) in byFirstByte[Int(bytes[start])] where !found.contains(kind) && start + part.count <= bytes.count {
                var offset = 1
                while offset < part.count, bytes[start + offset] == part[offset] { offset += 1 }
                if offset == part.count { found.insert(kind) }
            }
        }
        return found
    }
}

extension BodyExtractor {
    /// Links and nothing else set inside a sentence, with a picture or four links at least: a card
    /// that opens on hover over a name, an inline list of stories. Not the sentence's words, whatever
    /// the page's style sheet does with them. An element with one link of its own (a name, with its
    /// card inside, or a picture beside it) is the sentence's: its card is judged on its own.
    fileprivate func isCardOfLinks(_ node: Int) -> Bool {
        let tag = tree.tag(node)
        guard !tag.isBlock, tag != .a, textLength[node] > 0, linkLength[node] == textLength[node],
              counts[node].images > 0 || counts[node].links >= 4 else { return false }
        let ownLinks = tree.children(node).filter { tree.tag($0) == .a && !excluded[$0] && textLength[$0] > 0 }.count
        return ownLinks != 1
    }
}

/// How a paragraph is written: its class and its depth below the container judged.
private struct ParagraphKind: Hashable {
    let className: String
    let depth: Int

    init(of paragraph: Int, under container: Int, in tree: HTMLTree) {
        className = tree.attribute("class", of: paragraph) ?? ""
        var depth = 0
        var step: Int? = paragraph
        while let current = step, current != container, depth < 100 { depth += 1; step = tree.parent(current) }
        self.depth = depth
    }
}

/// What dropping elements took from below a node: its measures are judged on what remains.
private struct DroppedText: Equatable {
    var text: Int32 = 0
    var links: Int32 = 0
    var commas: Int32 = 0
    var linkElements: Int32 = 0

    mutating func add(_ other: DroppedText) {
        text += other.text
        links += other.links
        commas += other.commas
        linkElements += other.linkElements
    }
}

/// How many elements of a few telling kinds lie below a node.
private struct ElementCounts {
    var paragraphs: Int32 = 0
    var images: Int32 = 0
    var listItems: Int32 = 0
    var controls: Int32 = 0
    var links: Int32 = 0
    /// Elements with text of their own (not only their children's).
    var textBlocks: Int32 = 0

    mutating func add(_ other: ElementCounts) {
        paragraphs += other.paragraphs
        images += other.images
        listItems += other.listItems
        controls += other.controls
        links += other.links
        textBlocks += other.textBlocks
    }
}
