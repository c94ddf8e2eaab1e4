//! Writes large Word, PDF and EPUB briefings for the benchmarks and comparison scripts
//! (never committed): `cargo run --release --example make_formats -- DIR`. It writes
//! `report_10mb.docx` (a work report without heading styles, about 10 MB of text),
//! `law_500p.pdf` (a 500-page Chinese law with an outline, a running head and page numbers)
//! and `constitution.epub` (40 chapters).

#[path = "../tests/common/packages.rs"]
mod packages;

use packages::{PdfOptions, run, word_paragraph};

const CLAUSE: &str = "深化与上海合作组织成员国在经贸、能源、交通和人文领域的务实合作，加快中吉乌铁路建设，推进共建“一带一路”高质量发展。";

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir).unwrap();

    // A work report: 一、 sections, （一） subsections and bold lead-ins, about 10 MB of text.
    let mut paragraphs = vec![word_paragraph("", "政府工作报告", true)];
    let mut bytes = 0;
    let mut section = 0;
    while bytes < 10_000_000 {
        section += 1;
        paragraphs.push(word_paragraph(
            "",
            &format!("　　{}、第{section}部分工作", chinese(section)),
            true,
        ));
        for sub in 1..=8 {
            paragraphs.push(word_paragraph(
                "",
                &format!("　　（{}）重点任务{sub}", chinese(sub)),
                true,
            ));
            for _ in 0..6 {
                let text = format!("　　{}", CLAUSE.repeat(4));
                bytes += text.len();
                paragraphs.push(word_paragraph("", &text, false));
            }
        }
    }
    std::fs::write(dir.join("report_10mb.docx"), packages::docx(&paragraphs)).unwrap();

    // A law of 500 pages: a chapter every 10 pages, 30 lines a page.
    let mut pages = Vec::new();
    let mut outline = Vec::new();
    let mut article = 0;
    for n in 0..500 {
        let mut page = vec![
            run(230.0, 805.0, 9.0, "中华人民共和国示范法"),
            run(290.0, 30.0, 9.0, &format!("{}", n + 1)),
        ];
        let mut y = 760.0;
        if n % 10 == 0 {
            let title = format!("第{}章　总则", chinese(n / 10 + 1));
            page.push(run(220.0, y, 16.0, &title));
            outline.push((title, n));
            y -= 30.0;
        }
        while y > 60.0 {
            article += 1;
            let text = format!("第{}条　{CLAUSE}", chinese(article));
            let chars: Vec<char> = text.chars().collect();
            for line in chars.chunks(40) {
                page.push(run(72.0, y, 10.5, &line.iter().collect::<String>()));
                y -= 15.0;
            }
            y -= 6.0;
        }
        pages.push(page);
    }
    let pdf = packages::pdf(
        &pages,
        &PdfOptions {
            outline,
            title: Some("中华人民共和国示范法".into()),
            ..PdfOptions::default()
        },
    );
    std::fs::write(dir.join("law_500p.pdf"), pdf).unwrap();

    let chapters: Vec<(String, String)> = (1..=40)
        .map(|c| {
            let body: String = (0..60)
                .map(|a| format!("<p>　　第{}条　{CLAUSE}</p>", chinese(c * 100 + a)))
                .collect();
            (format!("第{}章", chinese(c)), body)
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = chapters
        .iter()
        .map(|(t, b)| (t.as_str(), b.as_str()))
        .collect();
    std::fs::write(
        dir.join("constitution.epub"),
        packages::epub("示范宪法", &borrowed),
    )
    .unwrap();
    println!("wrote {}", dir.display());
}

/// A number in Chinese numerals, up to 9999.
fn chinese(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n < 10 {
        return D[n].into();
    }
    if n < 20 {
        return format!("十{}", if n > 10 { D[n - 10] } else { "" });
    }
    if n < 100 {
        return format!("{}十{}", D[n / 10], if n % 10 > 0 { D[n % 10] } else { "" });
    }
    if n < 1000 {
        let rest = n % 100;
        let tail = match rest {
            0 => String::new(),
            1..=9 => format!("零{}", D[rest]),
            _ => chinese(rest),
        };
        return format!("{}百{tail}", D[n / 100]);
    }
    format!("{}千{}", D[n / 1000], chinese(n % 1000))
}
