//! Web pages as sites serve them, written for the tests and benchmarks: an article inside
//! a header, navigation menus, link lists, scripts, styles, a form, an iframe, comments and a
//! footer.
#![allow(dead_code)]

/// The site's chrome around an article: `title` in `<title>` with the site's name after it,
/// the article's own HTML inside `<article>`.
pub fn page(title: &str, article: &str) -> String {
    let menu: String = (0..40)
        .map(|i| format!("<li><a href=\"/section/{i}\">栏目 Section {i}</a></li>"))
        .collect();
    let related: String = (0..25)
        .map(|i| format!("<li><a href=\"/news/{i}.html\">Related headline number {i} about other news</a></li>"))
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{title} - 环球网 Global Site</title>
<meta property="article:published_time" content="2025-11-18T09:30:00+08:00">
<style>body {{ font-family: sans-serif; }} .nav li {{ display: inline; }}</style>
<script>window.dataLayer = window.dataLayer || []; function track() {{ return "<p>not text</p>"; }}</script>
</head><body>
<!-- site header: not text -->
<header class="site-header"><div class="logo"><a href="/">环球网 Global Site</a></div>
<nav class="nav"><ul>{menu}</ul></nav>
<form action="/search"><input name="q" value="搜索"><button>Search</button></form></header>
<div class="container"><div class="main">
<article class="article-content">{article}</article>
</div>
<aside class="sidebar"><h3>Related</h3><ul>{related}</ul>
<iframe src="https://ads.example.com/banner"></iframe></aside></div>
<footer class="site-footer"><p>Copyright © 2025 Global Site. All rights reserved. 京ICP备00000000号</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></footer>
<script src="/static/app.js"></script><script>track();</script>
</body></html>
"#
    )
}

/// A Markdown briefing as the article's HTML: `#` lines as headings, the rest as paragraphs
/// (bold `**…**` as `<b>`).
pub fn article_of(markdown: &str) -> String {
    let mut html = String::new();
    for para in markdown
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let hashes = para.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) {
            html.push_str(&format!(
                "<h{hashes}>{}</h{hashes}>\n",
                escape(para[hashes..].trim())
            ));
        } else {
            let mut text = escape(&para.replace('\n', ""));
            while let (Some(a), true) = (text.find("**"), text.matches("**").count() >= 2) {
                text.replace_range(a..a + 2, "<b>");
                let b = text.find("**").unwrap_or(text.len() - 2);
                text.replace_range(b..b + 2, "</b>");
            }
            html.push_str(&format!("<p>{text}</p>\n"));
        }
    }
    html
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
