//! The case forms of Russian names and adjectives, which the data lists only once.

/// The endings of a Russian adjective, in all its cases and genders.
pub(super) const RUSSIAN_ADJECTIVE_ENDINGS: [&str; 12] = [
    "ий", "ая", "ое", "ие", "ого", "ой", "ому", "ую", "им", "ом", "их", "ими",
];

/// The oblique case forms of a one-word Russian name (Россия → России, Россию, Россией;
/// Китай → Китая, Китаю, Китаем, Китае; Казахстан → Казахстана ...). Names of several words
/// are written out in the data instead.
pub fn russian_forms(name: &str) -> Vec<String> {
    if name.contains([' ', '-'])
        || name.chars().count() < 3
        || name.chars().all(|c| c.is_uppercase())
    {
        return Vec::new();
    }
    let chars: Vec<char> = name.chars().collect();
    let last = chars[chars.len() - 1];
    let stem = |n: usize| chars[..chars.len() - n].iter().collect::<String>();
    let with =
        |base: String, endings: &[&str]| endings.iter().map(|e| format!("{base}{e}")).collect();
    let before_last = chars[chars.len() - 2];
    match last {
        'я' if before_last == 'и' || before_last == 'е' => {
            with(stem(1), &["и", "ю", "ей", "ею"])
        }
        'я' => with(stem(1), &["и", "е", "ю", "ей"]),
        'а' => {
            let genitive = if "гкхжшщч".contains(before_last) {
                "и"
            } else {
                "ы"
            };
            with(stem(1), &[genitive, "е", "у", "ой", "ою"])
        }
        'й' => with(stem(1), &["я", "ю", "ем", "е"]),
        'ь' => with(stem(1), &["и", "ью"]),
        c if "бвгджзклмнпрстфхцчшщ".contains(c) => {
            with(name.to_string(), &["а", "у", "ом", "е"])
        }
        _ => Vec::new(),
    }
}
