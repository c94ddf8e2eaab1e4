//! People in English text: a capitalised office followed by a name (`President Xi Jinping`,
//! `Russian Prime Minister Mikhail Mishustin`, `Minister of Foreign Affairs Sergey Lavrov`,
//! `External Affairs Minister S. Jaishankar`). The office takes the capitalised words before
//! its head word and an `of` phrase after it that names a place; the name is the run of
//! capitalised words that follows, which must not be an institution (`Premier League`), a
//! month or a place.

use std::ops::Range;

use super::Introduced;
use super::words::{Word, capitalised, is_place, words};
use crate::index::gazetteer::Gazetteer;

/// Words that end an office.
pub(super) const HEADS: &[&str] = &[
    "President",
    "Premier",
    "Minister",
    "Secretary",
    "Secretary-General",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Emperor",
    "Ambassador",
    "Senator",
    "Governor",
    "Chairman",
    "Chairwoman",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Envoy",
    "Director-General",
    "Mayor",
    "Speaker",
    "Commissioner",
    "Councillor",
    "Councilor",
    "Emir",
    "Sultan",
    "Sheikh",
    "Pope",
    "Vice-President",
    "Vice-Premier",
    "Advisor",
    "Adviser",
    "Representative",
];

/// Words before a head that belong to the office (Prime Minister, Foreign Minister).
const OFFICE_WORDS: &[&str] = &[
    "Prime",
    "Foreign",
    "Vice",
    "Deputy",
    "First",
    "Defence",
    "Defense",
    "External",
    "Affairs",
    "Finance",
    "Trade",
    "Commerce",
    "State",
    "Councilor",
    "Councillor",
    "General",
    "Chief",
    "Executive",
    "Crown",
    "Home",
    "Interior",
    "Economy",
    "Energy",
    "Justice",
    "Education",
    "Health",
    "Agriculture",
    "Security",
    "Special",
    "Permanent",
    "Former",
    "former",
    "Acting",
    "Senior",
];

/// Capitalised words that are never part of a person's name after an office.
const NOT_NAMES: &[&str] = &[
    "League",
    "Assembly",
    "Council",
    "Office",
    "Ministry",
    "Department",
    "Committee",
    "Agreement",
    "Summit",
    "Forum",
    "Party",
    "House",
    "Administration",
    "Government",
    "State",
    "States",
    "Union",
    "Republic",
    "Palace",
    "Cup",
    "Club",
    "Award",
    "Prize",
    "Day",
    "Week",
    "Year",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "The",
    "A",
    "An",
    "And",
    "Of",
    "In",
    "On",
    "At",
    "For",
    "To",
    "With",
    "By",
    "As",
    "He",
    "She",
    "They",
    "It",
    "This",
    "That",
    "But",
    "Mr",
    "Mr.",
    "Mrs",
    "Ms",
    "Dr",
    "General",
    "Affairs",
    "Foreign",
    "People's",
    "National",
    "Central",
    "Foundation",
    "Institute",
    "University",
    "Council's",
    "Mission",
    "Bank",
    "Fund",
    "Organization",
    "Organisation",
    "Conference",
    "Session",
    "Group",
    "Air",
    "Force",
    "Army",
    "Navy",
    "Under",
];

/// Verbs a headline capitalises after a name (Chinese Ambassador Cai Jinbiao Attends…).
const HEADLINE_VERBS: &[&str] = &[
    "Attends",
    "Meets",
    "Describes",
    "Visits",
    "Says",
    "Calls",
    "Urges",
    "Holds",
    "Signs",
    "Opens",
    "Hosts",
    "Welcomes",
    "Receives",
    "Pays",
    "Sends",
    "Expresses",
    "Congratulates",
    "Delivers",
    "Addresses",
    "Discusses",
    "Talks",
    "Leads",
    "Announces",
    "Stresses",
    "Vows",
    "Praises",
    "Arrives",
    "Concludes",
    "Launches",
    "Wins",
    "Tells",
    "Warns",
    "Hails",
];

/// Particles that may stand inside a name (Osama bin Laden, Charles de Gaulle).
const PARTICLES: &[&str] = &[
    "bin", "al", "de", "da", "van", "von", "der", "del", "la", "le", "ibn",
];

/// Adds the names an office introduces in `text` to `out`.
pub(super) fn introduced(text: &str, out: &mut Vec<Introduced>) {
    let words = words(text, true);
    let gazetteer = Gazetteer::bundled();
    let mut i = 0;
    while i < words.len() {
        if !HEADS.contains(&words[i].text) {
            i += 1;
            continue;
        }
        let head = i;
        // The office's words before the head: office words and place adjectives (Russian).
        let mut first = head;
        while first > 0 {
            let w = &words[first - 1];
            if !w.closes && (OFFICE_WORDS.contains(&w.text) || is_place(w.text, gazetteer)) {
                first -= 1;
                continue;
            }
            // "India's External Affairs Minister": the country's possessive begins the office.
            let possessive =
                text[w.range.end..].starts_with("'s") || text[w.range.end..].starts_with("’s");
            if possessive && is_place(w.text, gazetteer) {
                first -= 1;
            }
            break;
        }
        // "of Russia", "of Foreign Affairs", "of the People's Republic of China".
        let mut after = head + 1;
        if !words[head].closes
            && let Some(end) = of_phrase(&words, head + 1, gazetteer)
        {
            after = end;
        }
        // An honorific before the name is not part of it (Prime Minister Sir Lloyd …).
        let mut name_start = after;
        if words
            .get(name_start)
            .is_some_and(|w| matches!(w.text, "Sir" | "Dame") && !w.closes)
        {
            name_start += 1;
        }
        let mut end = name_start;
        while end < words.len() && end - name_start < 6 {
            let w = &words[end];
            let particle = PARTICLES.contains(&w.text) && end > name_start;
            if !(capitalised(w.text) || particle)
                || NOT_NAMES.contains(&w.text)
                || HEADS.contains(&w.text)
            {
                break;
            }
            end += 1;
            if w.closes {
                break;
            }
        }
        // A headline's verb after a name is capitalised too (Hu Jintao Meets…).
        if let Some(verb) = (name_start..end).find(|&i| HEADLINE_VERBS.contains(&words[i].text)) {
            end = verb;
        }
        // A name ends on a capitalised word, not a particle.
        while end > name_start && PARTICLES.contains(&words[end - 1].text) {
            end -= 1;
        }
        // In a headline every word is capitalised, so a name that runs on into more
        // capitalised words cannot be told from the verb after it (Chinese Ambassador Cai
        // Jinbiao Attends Fiji Day…); it must end at punctuation or a lower-case word.
        let ends_cleanly = end == words.len()
            || words[end - 1].closes
            || !capitalised(words[end].text)
            || HEADLINE_VERBS.contains(&words[end].text);
        if end > name_start
            && (ends_cleanly || !is_title_case(&words[clause(&words, first, end)]))
            && !words[head].closes
            && (after == head + 1 || !words[after - 1].closes)
            && !words[name_start..end]
                .iter()
                .any(|w| is_place(w.text, gazetteer) || is_acronym(w.text))
        {
            let name = words[name_start].range.start..words[end - 1].range.end;
            // "President Xi Jinping of the People's Republic of China": the office's place.
            let of = place_after(text, words[end - 1].range.end, gazetteer);
            out.push(Introduced {
                name,
                office: words[first].range.start..words[after - 1].range.end,
                reporter: false,
                of,
            });
            i = end;
        } else {
            i += 1;
        }
    }
}

/// The words of the clause that holds `first..end`: from after the punctuation before it to
/// the punctuation after it.
fn clause(words: &[Word], first: usize, end: usize) -> Range<usize> {
    let start = (0..first)
        .rev()
        .find(|&i| words[i].closes)
        .map_or(0, |i| i + 1);
    let stop = (end.saturating_sub(1)..words.len())
        .find(|&i| words[i].closes)
        .map_or(words.len(), |i| i + 1);
    start..stop
}

/// Whether the text is a headline: several capitalised words and no lower-case word but
/// the short ones title case leaves small (and, of, with).
fn is_title_case(words: &[Word]) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
        "onto", "or", "over", "per", "the", "to", "upon", "via", "with",
    ];
    let capitals = words.iter().filter(|w| capitalised(w.text)).count();
    capitals >= 3
        && words.iter().all(|w| {
            capitalised(w.text)
                || SMALL.contains(&w.text)
                || !w.text.chars().all(char::is_alphabetic)
        })
}

/// Where an `of` phrase after a head ends, when it names a place or a ministry: "of Russia",
/// "of Foreign Affairs", "of the United States".
fn of_phrase(words: &[Word], at: usize, gazetteer: &Gazetteer) -> Option<usize> {
    if words.get(at)?.text != "of" || words[at].closes {
        return None;
    }
    let mut i = at + 1;
    if words.get(i).is_some_and(|w| w.text == "the" && !w.closes) {
        i += 1;
    }
    // The longest run of capitalised words from here that the gazetteer reads as one place,
    // or a ministry's words.
    let mut end = None;
    let mut j = i;
    while j < words.len() && (capitalised(words[j].text) || words[j].text == "of") && j - i < 6 {
        let run = &words[i..=j];
        let last = &words[j];
        let text_run = run.iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
        let whole_place = gazetteer
            .find(&text_run)
            .iter()
            .any(|h| h.range.start == 0 && h.range.end == text_run.len());
        let ministry = run
            .iter()
            .all(|w| OFFICE_WORDS.contains(&w.text) || w.text == "of");
        if (whole_place || ministry) && capitalised(last.text) {
            end = Some(j + 1);
        }
        if last.closes {
            break;
        }
        j += 1;
    }
    end
}

/// "of the People's Republic of China" right after a name, up to the end of the place's name:
/// the office's place, when one is named there first.
fn place_after(text: &str, name_end: usize, gazetteer: &Gazetteer) -> Option<Range<usize>> {
    let rest = text[name_end..].strip_prefix(" of ")?;
    let clause = &rest[..rest
        .find([',', '.', ';', '(', ')', '\n'])
        .unwrap_or(rest.len())];
    let hit = gazetteer.find(clause).into_iter().next()?;
    let before = &clause[..hit.range.start];
    (before.is_empty() || before == "the ").then(|| {
        let of = name_end + 1;
        of..of + "of ".len() + hit.range.end
    })
}

/// Whether a word is written in capitals (SCO, UN), but not a regnal number (Charles III).
fn is_acronym(word: &str) -> bool {
    word.chars().all(|c| c.is_uppercase() && c != '.')
        && !word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}
