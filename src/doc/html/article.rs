//! The article of a web page full of navigation, link lists, scripts and footers, found the
//! way Firefox's reader view finds it (`dom_smoothie`, a port of readability.js).

use dom_query::{Document as Page, NodeRef};
use dom_smoothie::{Config, Readability};

/// Less article text than this (characters) is not an article: the page is read whole.
const MIN_ARTICLE_CHARS: usize = 140;
/// Pages with more elements than this are read whole rather than scored element by element.
const MAX_ELEMENTS: usize = 200_000;
/// Pages nested deeper than this are read whole: no article is that deep, and scoring such
/// a tree would take the stack.
const MAX_DEPTH: usize = 256;

/// More of an article's text than this in links, it is a list of links, not an article.
const MAX_LINK_SHARE: f64 = 0.5;
/// An article leaving out more than this share of the page's text outside links and
/// scripts leaves out text that is not chrome (a page that is all one table, say).
const MAX_LEFT_OUT: f64 = 0.5;

/// The article, as a tree of its own, when the page has one (the page is used up finding
/// it).
pub fn find(page: Page) -> Option<Page> {
    if deeper_than(&page.root(), MAX_DEPTH) {
        return None;
    }
    let body = page.select("body");
    let page_text = body.nodes().first().map(text_chars).unwrap_or_default();
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        // The page's own metadata is read apart; its JSON-LD is not needed here.
        disable_json_ld: true,
        ..Config::default()
    };
    let mut readability = Readability::with_document(page, None, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    let fragment = Page::fragment(article.content);
    let found = text_chars(&fragment.root());
    let prose = found.all - found.in_links;
    let page_prose = page_text.all - page_text.in_links;
    let links = found.in_links as f64 / found.all.max(1) as f64;
    let left_out = 1.0 - prose as f64 / page_prose.max(1) as f64;
    (found.all >= MIN_ARTICLE_CHARS && links <= MAX_LINK_SHARE && left_out <= MAX_LEFT_OUT)
        .then_some(fragment)
}

/// Characters of text (not counting white space) under a node, and how many are in links;
/// scripts and styles are not text.
#[derive(Clone, Copy, Debug, Default)]
struct TextChars {
    all: usize,
    in_links: usize,
}

fn text_chars(root: &NodeRef<'_>) -> TextChars {
    let mut count = TextChars::default();
    let mut stack = vec![(*root, false)];
    while let Some((node, in_link)) = stack.pop() {
        if node.is_text() {
            let n = node.text().chars().filter(|c| !c.is_whitespace()).count();
            count.all += n;
            if in_link {
                count.in_links += n;
            }
            continue;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase());
        if matches!(
            name.as_deref(),
            Some("script" | "style" | "noscript" | "template" | "head")
        ) {
            continue;
        }
        let link = in_link || name.as_deref() == Some("a");
        stack.extend(node.children_it(false).map(|c| (c, link)));
    }
    count
}

/// Whether a tree is nested deeper than `limit` elements (walked with a stack of its own).
fn deeper_than(root: &NodeRef<'_>, limit: usize) -> bool {
    let mut stack = vec![(*root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        stack.extend(
            node.children_it(false)
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    false
}
