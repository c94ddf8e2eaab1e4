//! A PDF's pages as lines in reading order. A page's runs of text are split into columns
//! where an empty gutter runs down the page between them (a three-column page is read one
//! column after another, never across), runs wider than a column (a title over the
//! columns) are read where they stand, and each column's runs are gathered into lines by
//! their baselines. Running headers, footers, page numbers and margin stamps (lines in a
//! page's margins that repeat from page to page, digits aside) are left out.

use std::collections::HashMap;

use crate::doc::markdown::is_cjk;

/// A run of text where the PDF draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Its left edge, in points from the page's left.
    pub x: f32,
    /// Its bottom, in points from the page's bottom.
    pub y: f32,
    /// Its width.
    pub width: f32,
    /// Its font size.
    pub size: f32,
    /// Set in a bold font.
    pub bold: bool,
    /// The text.
    pub text: String,
}

/// A page: its size and runs.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// The runs of text on it, in the order the PDF draws them.
    pub runs: Vec<Run>,
}

/// A line of text in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The page it is on (0-based).
    pub page: usize,
    /// Which column of the page (0 for text across the page).
    pub column: usize,
    /// Its left edge.
    pub left: f32,
    /// Its right edge.
    pub right: f32,
    /// Its baseline's height.
    pub y: f32,
    /// The size most of its text is set in.
    pub size: f32,
    /// All of it is bold.
    pub bold: bool,
    /// Its text, runs joined as they stand.
    pub text: String,
    /// The left and right edges of the column it is in.
    pub bounds: (f32, f32),
}

/// The lines of a document's pages in reading order, repeated margins left out.
pub fn lines(pages: &[Page]) -> Vec<Line> {
    layout(pages).0
}

/// The lines of a document's pages in reading order, and the texts of the running heads
/// and footers left out (a running head is often the document's title).
pub fn layout(pages: &[Page]) -> (Vec<Line>, Vec<String>) {
    let (kept, heads) = without_repeated_margins(pages);
    let body = body_size(kept.iter().flatten().copied());
    let lines = pages
        .iter()
        .zip(kept)
        .enumerate()
        .flat_map(|(n, (page, runs))| page_lines(n, page, &runs, body))
        .collect();
    (lines, heads)
}

/// Whether two characters are written without a space between them.
fn joins_tight(a: char, b: char) -> bool {
    is_cjk(a) || is_cjk(b) || "（【《“‘(".contains(a) || "）】》”’，。、；：！？),.;:!?".contains(b)
}

/// A page's lines in reading order, from the runs kept of it.
fn page_lines(page_no: usize, page: &Page, runs: &[&Run], body: f32) -> Vec<Line> {
    let runs: Vec<&Run> = runs
        .iter()
        .copied()
        .filter(|r| !r.text.trim().is_empty() && r.size > 0.0)
        .collect();
    if runs.is_empty() {
        return Vec::new();
    }
    // Running heads and stamps in the margins cross gutters; they are no guide to columns.
    let inner: Vec<&Run> = runs
        .iter()
        .copied()
        .filter(|r| page.height <= 0.0 || (r.y < page.height * 0.9 && r.y > page.height * 0.08))
        .collect();
    let gutters = gutters(&inner, page.width);
    // Each run's column: 0 across the page (it crosses a gutter), else 1, 2… from the left.
    let column_of = |r: &Run| -> usize {
        if gutters.is_empty() {
            return 1;
        }
        let (l, rgt) = (r.x, r.x + r.width);
        if gutters.iter().any(|&(gl, gr)| l < gl && rgt > gr) {
            return 0;
        }
        1 + gutters.iter().filter(|&&(gl, _)| l >= gl).count()
    };
    // Each column's runs, and the left and right edges of the column.
    let mut by_column: HashMap<usize, (Vec<&Run>, (f32, f32))> = HashMap::new();
    for r in &runs {
        let (runs, bounds) = by_column
            .entry(column_of(r))
            .or_insert((Vec::new(), (f32::MAX, f32::MIN)));
        runs.push(r);
        bounds.0 = bounds.0.min(r.x);
        bounds.1 = bounds.1.max(r.x + r.width);
    }
    let mut columns: Vec<(usize, Vec<Line>)> = by_column
        .into_iter()
        .map(|(c, (runs, bounds))| (c, gather(page_no, c, runs, bounds)))
        .collect();
    columns.sort_by_key(|(c, _)| *c);
    // Text across the page cuts the page into bands; each band is read column by column.
    let across: &[Line] = columns
        .iter()
        .find(|(c, _)| *c == 0)
        .map_or(&[], |(_, l)| l.as_slice());
    let mut out = Vec::new();
    let mut top = f32::MAX;
    let mut cuts: Vec<Option<&Line>> = across.iter().map(Some).collect();
    cuts.push(None);
    for cut in cuts {
        let bottom = cut.map_or(f32::MIN, |l| l.y);
        for (c, lines) in &columns {
            if *c == 0 {
                continue;
            }
            out.extend(lines.iter().filter(|l| l.y < top && l.y >= bottom).cloned());
        }
        if let Some(line) = cut {
            out.push(line.clone());
            top = line.y;
        }
    }
    notes_last(&mut out, body);
    out
}

/// Moves the notes at the foot of a page's columns (lines in smaller type below the last
/// line of body text in their column) after the page's body text, so a paragraph that
/// goes on in the next column is not broken by them.
fn notes_last(lines: &mut Vec<Line>, body: f32) {
    let small = |l: &Line| l.size < body * 0.85;
    let mut lowest_body: HashMap<usize, f32> = HashMap::new();
    for l in lines.iter().filter(|l| !small(l)) {
        let e = lowest_body.entry(l.column).or_insert(f32::MAX);
        *e = e.min(l.y);
    }
    let is_note = |l: &Line| small(l) && lowest_body.get(&l.column).is_none_or(|&y| l.y < y);
    if !lines.iter().any(is_note) {
        return;
    }
    let (notes, body): (Vec<Line>, Vec<Line>) = lines.drain(..).partition(is_note);
    lines.extend(body);
    lines.extend(notes);
}

/// The gutters between a page's columns: bands of the page, between a sixth and five
/// sixths of its width, at least 4 points wide, that no column-wide run crosses (on a full
/// page, one in sixteen: a table's rows across the columns), with a fair share of the text
/// on each side.
fn gutters(runs: &[&Run], page_width: f32) -> Vec<(f32, f32)> {
    let width = if page_width > 0.0 {
        page_width
    } else {
        runs.iter().map(|r| r.x + r.width).fold(0.0, f32::max)
    };
    if width <= 0.0 {
        return Vec::new();
    }
    let left = runs.iter().map(|r| r.x).fold(f32::MAX, f32::min);
    let right = runs.iter().map(|r| r.x + r.width).fold(f32::MIN, f32::max);
    let text_width = (right - left).max(1.0);
    // Runs narrower than half the text's width are what columns are made of.
    let narrow: Vec<&&Run> = runs.iter().filter(|r| r.width < text_width * 0.5).collect();
    if narrow.len() < 12 {
        return Vec::new();
    }
    const BIN: f32 = 1.0;
    let bins = (width / BIN).ceil() as usize + 1;
    let mut covered = vec![0u32; bins];
    for r in &narrow {
        let a = ((r.x / BIN).ceil().max(0.0) as usize).min(bins - 1);
        let b = ((inked_right(r) / BIN).floor().max(0.0) as usize).min(bins - 1);
        for c in &mut covered[a..=b.max(a)] {
            *c += 1;
        }
    }
    let mut found = Vec::new();
    let (from, to) = (
        ((left + text_width / 6.0) / BIN) as usize,
        ((right - text_width / 6.0) / BIN) as usize,
    );
    // On a full page of columns, a table across them may cross a gutter on a few rows; a
    // sparse page (a list, a table of contents) gets no such allowance.
    let stray = if narrow.len() >= 120 {
        (narrow.len() / 16) as u32
    } else {
        0
    };
    let mut i = from;
    while i < to.min(bins) {
        if covered[i] > stray {
            i += 1;
            continue;
        }
        let start = i;
        while i < bins && covered[i] <= stray {
            i += 1;
        }
        let (gl, gr) = (start as f32 * BIN, i as f32 * BIN);
        if gr - gl >= 4.0 {
            let chars = |f: &dyn Fn(&Run) -> bool| -> usize {
                narrow
                    .iter()
                    .filter(|r| f(r))
                    .map(|r| r.text.chars().count())
                    .sum()
            };
            let on_left = chars(&|r: &Run| inked_right(r) <= gl + 1.0);
            let on_right = chars(&|r: &Run| r.x >= gr - 1.0);
            let total = on_left + on_right;
            if total > 0 && on_left * 5 >= total && on_right * 5 >= total {
                found.push((gl, gr));
            }
        }
    }
    found
}

/// Where a run's ink ends: a run's width counts the spaces it ends with.
fn inked_right(r: &Run) -> f32 {
    let all = r.text.chars().count();
    let inked = r.text.trim_end().chars().count();
    if all == 0 || inked == all {
        return r.x + r.width;
    }
    r.x + r.width * inked as f32 / all as f32
}

/// A column's runs as lines: runs whose baselines are within half a size of each other
/// are one line, read left to right; a small raised run (a note's number) is its line's.
fn gather(page: usize, column: usize, mut runs: Vec<&Run>, bounds: (f32, f32)) -> Vec<Line> {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<&Run>> = Vec::new();
    for r in runs {
        let joined = groups.iter_mut().rev().take(3).find(|g| {
            let main = g.iter().map(|x| x.size).fold(0.0, f32::max);
            let base = g.iter().find(|x| x.size == main).map_or(r.y, |x| x.y);
            let small = r.size < main * 0.8;
            let near = (r.y - base).abs() < main.min(r.size) * 0.5;
            // A small run raised above the baseline but within the line's height.
            let raised = small && r.y >= base && r.y < base + main * 0.8;
            near || raised
        });
        match joined {
            Some(g) => g.push(r),
            None => groups.push(vec![r]),
        }
    }
    groups
        .into_iter()
        .map(|mut g| {
            g.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = dominant_size(&g);
            let base = g.iter().find(|x| x.size == size).map_or(g[0].y, |x| x.y);
            let mut text = String::new();
            let mut end = f32::MIN;
            // The run before ended with a space (its width counts it).
            let mut spaced = false;
            for r in &g {
                let small_raised = r.size < size * 0.8 && r.y >= base - 0.5;
                let piece = r.text.trim_end_matches([' ', '\u{a0}']);
                let piece = if text.is_empty() {
                    piece.trim_start()
                } else {
                    piece
                };
                if small_raised && piece.trim().chars().all(|c| c.is_ascii_alphanumeric()) {
                    text.push_str(&format!("[{}]", piece.trim()));
                    end = r.x + r.width;
                    spaced = piece.len() < r.text.len();
                    continue;
                }
                if let (Some(a), Some(b)) = (text.chars().last(), piece.chars().next()) {
                    let gap = r.x - end;
                    let wide = gap > size * 0.8;
                    if !a.is_whitespace()
                        && !b.is_whitespace()
                        && (wide || (spaced || gap > size * 0.15) && !joins_tight(a, b))
                    {
                        text.push(' ');
                    }
                }
                text.push_str(piece);
                end = inked_right(r);
                spaced = piece.len() < r.text.len();
            }
            Line {
                page,
                column,
                left: g[0].x,
                right: g.iter().map(|r| r.x + r.width).fold(f32::MIN, f32::max),
                y: base,
                size,
                bold: g.iter().all(|r| r.bold || r.text.trim().is_empty()),
                text,
                bounds,
            }
        })
        .filter(|l| !l.text.trim().is_empty())
        .collect()
}

/// The size most characters are set in, of pieces of text given as (size, text); sizes
/// within `within` points of each other are one size.
pub fn commonest_size<'a>(pieces: impl Iterator<Item = (f32, &'a str)>, within: f32) -> f32 {
    let mut weight: Vec<(f32, usize)> = Vec::new();
    for (size, text) in pieces {
        let n = text.chars().count();
        match weight.iter_mut().find(|(s, _)| (*s - size).abs() < within) {
            Some(w) => w.1 += n,
            None => weight.push((size, n)),
        }
    }
    weight.into_iter().max_by_key(|w| w.1).map_or(0.0, |w| w.0)
}

/// The size most of the document's characters are set in.
fn body_size<'a>(runs: impl Iterator<Item = &'a Run>) -> f32 {
    commonest_size(runs.map(|r| (r.size, r.text.as_str())), 0.3)
}

/// The size most of a line's characters are set in.
fn dominant_size(runs: &[&Run]) -> f32 {
    commonest_size(runs.iter().map(|r| (r.size, r.text.as_str())), 0.05)
}

/// A margin line's text with its numbers as one sign, so `47700 Federal Register` and
/// `47701 Federal Register` are the same header.
fn margin_key(text: &str) -> String {
    let mut key = String::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !key.ends_with('#') {
                key.push('#');
            }
        } else {
            key.push(c);
        }
    }
    key
}

/// A line that is nothing but a page number (`3`, `- 3 -`, `第 3 页`, `Page 3 of 71`, `iv`).
pub fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c: char| "-–—·•|()[]".contains(c));
    let lower = t.to_lowercase();
    let lower = lower
        .trim_start_matches("page")
        .trim_start_matches('第')
        .trim_end_matches('页');
    let lower = lower.split("of").next().unwrap_or("");
    let lower = lower.split('/').next().unwrap_or("");
    !lower.is_empty()
        && (lower.chars().all(|c| c.is_ascii_digit())
            || lower.len() <= 6 && lower.chars().all(|c| "ivxlc".contains(c)))
}

/// The runs of each page that are not running heads, footers, page numbers or margin
/// stamps: runs in the top and bottom margins whose line (runs at one height) or own text
/// repeats, numbers aside, on a good share of the pages, and page numbers there.
fn without_repeated_margins(pages: &[Page]) -> (Vec<Vec<&Run>>, Vec<String>) {
    // Each page's runs gathered into bands by height; the margin's are the outermost bands
    // in the margins, each set apart from the text inside it (the first line of the text
    // at the top of a page is not a running head, however alike the pages' first lines).
    let bands: Vec<Vec<Vec<&Run>>> = pages
        .iter()
        .map(|page| {
            let mut runs: Vec<&Run> = page
                .runs
                .iter()
                .filter(|r| !r.text.trim().is_empty())
                .collect();
            runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
            let mut all: Vec<Vec<&Run>> = Vec::new();
            for r in runs {
                match all.last_mut() {
                    Some(band) if (band[0].y - r.y).abs() < band[0].size.max(r.size) * 0.6 => {
                        band.push(r)
                    }
                    _ => all.push(vec![r]),
                }
            }
            let apart = |band: &[&Run], next: Option<&Vec<&Run>>| {
                let size = band.iter().map(|r| r.size).fold(0.0, f32::max);
                next.is_none_or(|n| (band[0].y - n[0].y).abs() > size * 1.6)
            };
            let mut margin = vec![false; all.len()];
            // From the top down, then from the bottom up.
            let top = |r: &Run| page.height > 0.0 && r.y > page.height * 0.88;
            let bottom = |r: &Run| page.height > 0.0 && r.y < page.height * 0.1;
            for i in 0..all.len() {
                let outermost = i == 0;
                if !top(all[i][0]) || !(outermost || apart(&all[i], all.get(i + 1))) {
                    break;
                }
                margin[i] = true;
            }
            for i in (0..all.len()).rev() {
                let outermost = i + 1 == all.len();
                let inner = i.checked_sub(1).and_then(|j| all.get(j));
                if !bottom(all[i][0]) || !(outermost || apart(&all[i], inner)) {
                    break;
                }
                margin[i] = true;
            }
            all.into_iter()
                .zip(margin)
                .filter_map(|(band, m)| m.then_some(band))
                .collect()
        })
        .collect();
    let band_key = |band: &[&Run]| {
        let mut sorted = band.to_vec();
        sorted.sort_by(|a, b| a.x.total_cmp(&b.x));
        margin_key(&sorted.iter().map(|r| r.text.as_str()).collect::<String>())
    };
    let mut seen: HashMap<String, std::collections::HashSet<usize>> = HashMap::new();
    for (n, page) in bands.iter().enumerate() {
        for band in page {
            seen.entry(band_key(band)).or_default().insert(n);
            for r in band {
                seen.entry(margin_key(&r.text)).or_default().insert(n);
            }
        }
    }
    let with_text = pages.iter().filter(|p| !p.runs.is_empty()).count();
    let repeats = |key: &str| {
        let n = seen.get(key).map_or(0, |s| s.len());
        with_text >= 2 && n >= 2 && n * 10 >= with_text * 3
    };
    let mut heads: Vec<String> = Vec::new();
    let kept = pages
        .iter()
        .zip(&bands)
        .map(|(page, bands)| {
            let mut dropped: Vec<*const Run> = Vec::new();
            for band in bands {
                let text: String = band.iter().map(|r| r.text.as_str()).collect();
                let whole = repeats(&band_key(band)) || is_page_number(&text);
                if whole && !heads.contains(&text) && heads.len() < 64 {
                    heads.push(text.clone());
                }
                for r in band {
                    // A run's own text repeating counts when it says something (a lone
                    // number starting a line of its own is text).
                    let key = margin_key(&r.text);
                    let telling = key.chars().filter(|c| *c != '#').count() >= 3;
                    if whole || telling && repeats(&key) {
                        dropped.push(*r as *const Run);
                    }
                }
            }
            page.runs
                .iter()
                .filter(|r| !dropped.contains(&(*r as *const Run)))
                .collect()
        })
        .collect();
    (kept, heads)
}
