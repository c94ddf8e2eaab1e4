//! Two editions of a long law, generated: the old one of about the size asked, and a new one
//! where one article in forty is reworded, one in two hundred deleted and one in three
//! hundred inserted (the rest renumbered, as a reissued law is), for timing `brief diff`
//! against `git diff --word-diff`.

/// Sentences a law's articles are made of.
const SENTENCES: &[&str] = &[
    "国务院对外贸易主管部门依照本法主管全国对外贸易工作。",
    "国家准许货物与技术的自由进出口，但是法律、行政法规另有规定的除外。",
    "对外贸易经营者可以接受他人的委托，在经营范围内代为办理对外贸易业务。",
    "国家基于维护国家安全、社会公共利益或者公共道德的需要，可以限制或者禁止有关货物的进口或者出口。",
    "违反本法规定的，由有关主管部门责令改正，没收违法所得，并处罚款。",
    "国家根据对外贸易发展的需要，建立和完善为对外贸易服务的金融机构，设立对外贸易发展基金、风险基金。",
    "对外贸易经营者应当按照国务院对外贸易主管部门或者国务院其他有关部门依法作出的规定，向有关部门提交与其对外贸易经营活动有关的文件及资料。",
    "国家鼓励发展对外贸易，维护对外贸易秩序，保护对外贸易经营者的合法权益。",
];

/// Words a reworded article uses instead.
const REWORDED: &[(&str, &str)] = &[
    ("可以", "应当"),
    ("建立和完善", "健全"),
    ("合法权益", "正当权益"),
    ("责令改正", "责令限期改正"),
];

/// A number in Chinese numerals.
fn chinese(n: usize) -> String {
    if n >= 10_000 {
        let rest = n % 10_000;
        return match rest {
            0 => format!("{}万", chinese(n / 10_000)),
            // 10010 is 一万零一十, not 一万零十.
            10..=19 => format!("{}万零一{}", chinese(n / 10_000), chinese(rest)),
            1..=999 => format!("{}万零{}", chinese(n / 10_000), chinese(rest)),
            _ => format!("{}万{}", chinese(n / 10_000), chinese(rest)),
        };
    }
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (th, h, t, u) = (n / 1000, n / 100 % 10, n / 10 % 10, n % 10);
    let mut out = String::new();
    if th > 0 {
        out.push_str(D[th]);
        out.push('千');
    }
    if h > 0 {
        out.push_str(D[h]);
        out.push('百');
    } else if th > 0 && (t > 0 || u > 0) {
        out.push('零');
    }
    if t > 0 {
        if !(t == 1 && n < 20) {
            out.push_str(D[t]);
        }
        out.push('十');
    } else if (th > 0 || h > 0) && u > 0 && !out.ends_with('零') {
        out.push('零');
    }
    if u > 0 || n == 0 {
        out.push_str(D[u]);
    }
    out
}

/// The text of article `k`: three sentences, with figures of its own.
fn article(k: usize) -> String {
    let mut text = String::new();
    for s in 0..3 {
        text.push_str(SENTENCES[(k * 3 + s * 5) % SENTENCES.len()]);
    }
    format!(
        "{text}本条所称期限为{}日，罚款数额为{}万元以下，适用第{k}号目录。",
        k % 90 + 10,
        k * 7 % 500 + 1
    )
}

/// The old and new editions as Markdown, the old of about `bytes` bytes.
pub fn editions(bytes: usize) -> (String, String) {
    let per_article = article(1).len() + 40;
    let articles = (bytes / per_article).max(10);
    let (mut old, mut new) = (
        String::from("# 中华人民共和国示范法\n\n"),
        String::from("# 中华人民共和国示范法\n\n"),
    );
    let mut number = 0;
    for k in 1..=articles {
        if k % 100 == 1 {
            let chapter = format!("## 第{}章 第{}部分\n\n", chinese(k / 100 + 1), k / 100 + 1);
            old.push_str(&chapter);
            new.push_str(&chapter);
        }
        let text = article(k);
        old.push_str(&format!("第{}条 {text}\n\n", chinese(k)));
        if k % 300 == 150 {
            number += 1;
            new.push_str(&format!(
                "第{}条 国家另行规定的新增条款，自公布之日起施行。\n\n",
                chinese(number)
            ));
        }
        if k % 200 == 100 {
            continue;
        }
        number += 1;
        let mut text = text;
        if k % 40 == 20 {
            let (was, now) = REWORDED[k / 40 % REWORDED.len()];
            text = text.replacen(was, now, 1);
            if !text.contains(now) {
                text.push_str("具体办法另行规定。");
            }
        }
        new.push_str(&format!("第{}条 {text}\n\n", chinese(number)));
    }
    (old, new)
}
