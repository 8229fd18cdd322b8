/// The elements extraction tells apart; every other element is `.other`.
enum HTMLTag: UInt8 {
    case document, text, other
    case html, head, body, title, meta, link, script, style, noscript, template
    case article, main, section, div, span, p, br, hr, a, img, figure, figcaption, picture
    case h1, h2, h3, h4, h5, h6, blockquote, pre, code, q, cite, em, strong, b, i, u, small, sub, sup, time, mark, abbr
    case ul, ol, li, dl, dt, dd, table, thead, tbody, tfoot, tr, td, th, caption
    case nav, aside, header, footer, form, input, button, select, option, textarea, label, fieldset
    case iframe, object, embed, svg, math, canvas, video, audio, source, dialog, menu, address, center, font

    private static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        for raw in UInt8(3)...UInt8.max {
            guard let tag = HTMLTag(rawValue: raw) else { break }
            table["\(tag)"] = tag
        }
        return table
    }()

    init(name: String) { self = HTMLTag.byName[name] ?? .other }

    var isHeading: Bool { [.h1, .h2, .h3, .h4, .h5, .h6].contains(self) }

    /// Elements that start a new block of text: what lies on either side of one is not one paragraph.
    var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .blockquote, .pre, .li, .ul, .ol, .dl, .dt, .dd, .table, .tr, .td, .th,
             .thead, .tbody, .tfoot, .caption, .figure, .figcaption, .h1, .h2, .h3, .h4, .h5, .h6, .header, .footer, .nav,
             .aside, .form, .fieldset, .hr, .address, .center, .body, .html, .dialog, .menu:
            true
        default:
            false
        }
    }

    /// Elements whose contents are never article text: code, media, controls and page furniture. Not
    /// forms: some sites put the whole page in one.
    var isNeverContent: Bool {
        switch self {
        case .head, .title, .script, .style, .noscript, .template, .iframe, .object, .embed, .svg, .math, .canvas, .video,
             .audio, .source, .input, .button, .select, .option, .textarea, .label, .nav, .aside, .footer, .dialog, .menu:
            true
        default:
            false
        }
    }
}
