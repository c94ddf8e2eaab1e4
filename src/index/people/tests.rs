use super::*;
use crate::doc::open::{OpenOptions, bundled};

fn names(text: &str) -> Vec<(String, String)> {
    introduced(text)
        .into_iter()
        .map(|f| (text[f.name].to_string(), text[f.office].to_string()))
        .collect()
}

#[test]
fn chinese_offices_introduce_names() {
    let text = "会议由俄罗斯联邦政府总理米舒斯京主持。白俄罗斯共和国总理图尔钦、印度共和国外交部长苏杰生、中华人民共和国国务院总理李强出席。";
    assert_eq!(
        names(text),
        [
            ("米舒斯京", "俄罗斯联邦政府总理"),
            ("图尔钦", "白俄罗斯共和国总理"),
            ("苏杰生", "印度共和国外交部长"),
            ("李强", "中华人民共和国国务院总理"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(
        names("中共中央政治局委员、外交部长王毅19日在比什凯克同吉尔吉斯斯坦外长库鲁巴耶夫举行会谈"),
        [
            ("王毅", "中共中央政治局委员、外交部长"),
            ("库鲁巴耶夫", "吉尔吉斯斯坦外长")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(
        names("上合组织秘书长叶尔梅克巴耶夫、卡塔尔首相兼外交大臣穆罕默德出席"),
        [
            ("叶尔梅克巴耶夫", "上合组织秘书长"),
            ("穆罕默德", "卡塔尔首相兼外交大臣")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(
        names("在习近平主席和扎帕罗夫总统共同引领下"),
        [("习近平", "主席"), ("扎帕罗夫", "总统")].map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn chinese_titles_without_a_name_introduce_none() {
    for text in [
        "上合组织成员国政府首脑(总理)理事会第二十四次会议",
        "支持吉方担任上合组织轮值主席国工作",
        "成员国外长理事会会议",
        "俄罗斯总统府发表声明",
        "各国驻华大使馆",
        "吉尔吉斯斯坦总统先生表示",
        "记者了解到",
    ] {
        assert_eq!(names(text), [], "{text}");
    }
}

#[test]
fn english_offices_introduce_names() {
    assert_eq!(
        names(
            "Chinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin, and Minister of Foreign Affairs Sergey Lavrov spoke."
        ),
        [
            ("Xi Jinping", "Chinese President"),
            ("Mikhail Mishustin", "Russian Prime Minister"),
            ("Sergey Lavrov", "Minister of Foreign Affairs"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(
        names("External Affairs Minister S. Jaishankar and President Biden's team"),
        [
            ("S. Jaishankar", "External Affairs Minister"),
            ("Biden", "President")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // The office's place written after the name is the office's too.
    let text =
        "President Joe Biden met President Xi Jinping of the People's Republic of China in Lima.";
    let found: Vec<(String, String)> = introduced(text)
        .into_iter()
        .map(|f| {
            let of = f.of.map(|r| format!(" {}", &text[r])).unwrap_or_default();
            (text[f.name].to_string(), format!("{}{of}", &text[f.office]))
        })
        .collect();
    assert_eq!(
        found,
        [
            ("Joe Biden", "President"),
            ("Xi Jinping", "President of the People's Republic of China")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // The country's possessive is the office's: its country is read from it.
    assert_eq!(
        names(
            "met India's External Affairs Minister S. Jaishankar, and Fiji’s Prime Minister Laisenia Qarase."
        ),
        [
            ("S. Jaishankar", "India's External Affairs Minister"),
            ("Laisenia Qarase", "Fiji’s Prime Minister")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(
        names("in June 1999, then-External Affairs Minister Jaswant Singh visited Beijing"),
        [("Jaswant Singh", "External Affairs Minister")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    for text in [
        "the Premier League season",
        "The President of the United States said",
        "the Secretary General of the SCO",
        "Prime Minister of India, and the President.",
        "the General Assembly",
    ] {
        assert_eq!(names(text), [], "{text}");
    }
}

#[test]
fn russian_offices_introduce_names_in_any_case() {
    assert_eq!(
        names(
            "Председатель Правительства Российской Федерации Михаил Мишустин провёл встречу с министром иностранных дел Китая Ван И."
        ),
        [
            (
                "Михаил Мишустин",
                "Председатель Правительства Российской Федерации"
            ),
            ("Ван И", "министром иностранных дел Китая"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(
        names("переговоры премьер-министра Мишустина"),
        [("Мишустина", "премьер-министра")].map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(names("президент заявил, что Путин прав"), []);
}

#[test]
fn the_seed_names_its_officials_with_their_offices_and_countries() {
    let docs = vec![bundled(OpenOptions::default())];
    let people = People::build(&docs);
    let g = Gazetteer::bundled();
    let find = |name: &str| {
        people
            .persons
            .iter()
            .find(|p| p.name == name && !p.office.ends_with("记者"))
            .unwrap_or_else(|| panic!("{name} is listed"))
    };
    let li = find("李强");
    assert_eq!(li.office, "中华人民共和国国务院总理");
    assert_eq!(li.country.map(|c| g.places[c].code.as_str()), Some("CN"));
    let wang = find("王毅");
    assert!(wang.office.starts_with("中共中央政治局委员、") && wang.office.ends_with("外交部长"));
    assert_eq!(wang.country.map(|c| g.places[c].code.as_str()), Some("CN"));
    assert!(wang.mentions.len() >= 7, "{:?}", wang.mentions.len());
    let m = find("米舒斯京");
    assert_eq!(m.country.map(|c| g.places[c].code.as_str()), Some("RU"));
    // The reporter 李强 is another person.
    assert!(
        people
            .persons
            .iter()
            .any(|p| p.name == "李强" && p.office == "记者")
    );
    assert!(find("扎帕罗夫").mentions.len() >= 5);
    // 高市首相, four times after 日本首相高市早苗.
    assert_eq!(find("高市早苗").mentions.len(), 5);
}

#[test]
fn a_japanese_surname_before_a_title_is_the_person_named_in_full() {
    let doc = crate::doc::markdown(
        "j.md",
        "日本首相高市早苗发表讲话。\n\n高市首相的言论引发批评。提高市场份额。高市的经济不错。\n",
    );
    let people = People::build(&[doc]);
    let takaichi = people
        .persons
        .iter()
        .find(|p| p.name == "高市早苗")
        .expect("introduced by her office");
    assert_eq!(takaichi.mentions.len(), 2, "{:?}", takaichi.mentions);
}

#[test]
fn later_mentions_join_the_person_in_any_case() {
    let doc = |text: &str| crate::doc::markdown("t.md", text);
    let docs = vec![doc(
        "Премьер-министр Михаил Мишустин прибыл в Пекин.\n\nВстреча с Мишустиным прошла. Михаил Мишустин отметил.\n\nPresident Xi Jinping met Premier Li Qiang. Xi said that Li Keqiang had said so; Li agreed.",
    )];
    let people = People::build(&docs);
    let by = |n: &str| people.persons.iter().find(|p| p.name == n).unwrap();
    let texts = |p: &Person| -> Vec<String> {
        p.mentions
            .iter()
            .map(|m| docs[m.doc].blocks[m.block.0].text()[m.range.clone()].to_string())
            .collect()
    };
    assert_eq!(
        texts(by("Михаил Мишустин")),
        ["Михаил Мишустин", "Мишустиным", "Михаил Мишустин"]
    );
    assert_eq!(texts(by("Xi Jinping")), ["Xi Jinping", "Xi"]);
    // "Li" in "Li Keqiang" is not Li Qiang; "Li" alone is.
    assert_eq!(texts(by("Li Qiang")), ["Li Qiang", "Li"]);
}

#[test]
fn headlines_and_plural_offices_introduce_no_one() {
    assert_eq!(
        names("Premier Li Qiang Inspects Flood Areas Near Harbin"),
        []
    );
    assert_eq!(names("представители Донбасса и представители ОБСЕ"), []);
    assert_eq!(
        names("作为贯彻落实江泽民总书记关于“三个代表”的要求"),
        [("江泽民".to_string(), "总书记".to_string())]
    );
    assert_eq!(names("中央军事委员会主席任免"), []);
    assert_eq!(
        names("记者采访了黑龙江省省长宋法棠"),
        [("宋法棠".to_string(), "黑龙江省省长".to_string())]
    );
    // A place named by its unit (市, 省, 县) is part of the office, whatever its words.
    assert_eq!(
        names("原海南省东方市市委书记戚火贵"),
        [("戚火贵".to_string(), "原海南省东方市市委书记".to_string())]
    );
    assert_eq!(
        names("会见了北帕莫斯顿市市长吉尔·怀特"),
        [("吉尔·怀特".to_string(), "北帕莫斯顿市市长".to_string())]
    );
    // One office chairing two bodies.
    assert_eq!(
        names("古巴国务委员会和部长会议主席菲德尔·卡斯特罗30日"),
        [(
            "菲德尔·卡斯特罗".to_string(),
            "古巴国务委员会和部长会议主席".to_string()
        )]
    );
    assert_eq!(
        names("习近平和俄罗斯总统普京会谈"),
        [("普京".to_string(), "俄罗斯总统".to_string())]
    );
    assert_eq!(
        names("但愿像法国总统希拉克说的那样"),
        [("希拉克".to_string(), "法国总统".to_string())]
    );
}

#[test]
fn names_real_papers_write() {
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        names("部长会议主席菲德尔·卡斯特罗30日"),
        pairs(&[("菲德尔·卡斯特罗", "部长会议主席")])
    );
    assert_eq!(
        names("原国家安全部长艾特巴耶夫被任命为内务部长"),
        pairs(&[("艾特巴耶夫", "原国家安全部长")])
    );
    assert_eq!(
        names("日本首相岸田文雄说"),
        pairs(&[("岸田文雄", "日本首相")])
    );
    assert_eq!(
        names("美国总统克林顿表示"),
        pairs(&[("克林顿", "美国总统")])
    );
    assert_eq!(
        names("法国前总统德斯坦说"),
        pairs(&[("德斯坦", "法国前总统")])
    );
    assert_eq!(
        names("总参谋长傅全有上将会见"),
        pairs(&[("傅全有", "总参谋长")])
    );
    assert_eq!(
        names("He met former President Hamid Karzai in Kabul."),
        pairs(&[("Hamid Karzai", "former President")])
    );
    assert_eq!(
        names("\"Chinese Ambassador Cai Jinbiao Attends the Fund-raising Evening\""),
        pairs(&[("Cai Jinbiao", "Chinese Ambassador")])
    );
    let docs = vec![crate::doc::markdown(
        "t.md",
        "Встреча с министром иностранных дел Сергеем Лавровым.\n",
    )];
    assert_eq!(People::build(&docs).persons[0].name, "Сергей Лавров");
}

#[test]
fn a_dotted_name_joins_its_surname_alone() {
    let docs = vec![crate::doc::markdown(
        "t.md",
        "部长会议主席菲德尔·卡斯特罗30日会见客人。\n\n卡斯特罗主席表示欢迎。卡斯特罗说，古巴愿意合作。劳尔·卡斯特罗出席。\n\n安哥拉总统多斯桑托斯：为实现全国和平\n\n多斯桑托斯总统在新年前夕发表讲话。\n",
    )];
    let people = People::build(&docs);
    let names: Vec<(&str, usize)> = people
        .persons
        .iter()
        .map(|p| (p.name.as_str(), p.mentions.len()))
        .collect();
    assert_eq!(names, [("菲德尔·卡斯特罗", 3), ("多斯桑托斯", 2)]);
}

#[test]
fn a_chinese_surname_introduced_alone_is_not_everyone_who_bears_it() {
    let docs = vec![crate::doc::markdown(
        "t.md",
        "# 1985\n\nLi Xiannian was the first president of China to visit the United States. \
         President Li also visited North Korea.\n\n# 2004\n\nAt the forum, Li and Secretary \
         General Amr Moussa signed a declaration. Li said it was a milestone.\n",
    )];
    let people = People::build(&docs);
    let li = people
        .persons
        .iter()
        .find(|p| p.name == "Li")
        .expect("President Li");
    assert_eq!(li.mentions.len(), 1, "only where the office names him");

    // Nor is he another Li introduced in full elsewhere; in the same section he is.
    let docs = vec![crate::doc::markdown(
        "t.md",
        "# 1985\n\nIn 1983 Li Xiannian became head of state. President Li also visited North \
         Korea.\n\n# 2004\n\nForeign Minister Li Zhaoxing opened the forum.\n\n# 2008\n\n\
         Premier Wen Jiabao arrived.\n\n# 2009\n\nPremier Wen visited Fiji.\n",
    )];
    let people = People::build(&docs);
    let names: Vec<&str> = people.persons.iter().map(|p| p.name.as_str()).collect();
    // "Li Xiannian became head of state" introduces him: President Li is he, in his
    // section, not Li Zhaoxing of another.
    assert!(
        !names.contains(&"Li") && names.contains(&"Li Zhaoxing"),
        "{names:?}"
    );
    let mentions = |name: &str| {
        people
            .persons
            .iter()
            .find(|p| p.name == name)
            .map_or(0, |p| p.mentions.len())
    };
    assert_eq!((mentions("Li Xiannian"), mentions("Li Zhaoxing")), (2, 1));
    assert!(
        !names.contains(&"Wen"),
        "Premier Wen is Wen Jiabao: {names:?}"
    );
}

#[test]
fn a_surname_alone_is_the_person_named_in_full_with_a_generation() {
    let docs = vec![crate::doc::markdown(
        "t.md",
        "# Readout

President Joseph R. Biden Jr. met President Xi Jinping. President Biden \
         raised Taiwan. Biden said so.\n",
    )];
    let people = People::build(&docs);
    let names: Vec<&str> = people.persons.iter().map(|p| p.name.as_str()).collect();
    let biden: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| n.contains("Biden"))
        .collect();
    assert_eq!(biden.len(), 1, "{names:?}");
    let person = people.persons.iter().find(|p| p.name == biden[0]).unwrap();
    assert_eq!(person.mentions.len(), 3, "{:?}", person.mentions);
}

#[test]
fn the_office_given_most_often_is_shown_counting_a_bare_title_for_the_office_it_heads() {
    let docs = vec![crate::doc::markdown(
        "t.md",
        "# 2009\n\nChinese Vice-President Xi Jinping visited Fiji.\n\n# 2014\n\nPresident Xi \
         Jinping visited Fiji.\n\n# 2018\n\nPresident Xi Jinping met the leaders. General \
         Secretary Xi Jinping spoke.\n\n# 2019\n\nPresident Vladimir Putin of Russia \
         spoke; President of Russia Vladimir Putin replied.\n",
    )];
    let people = People::build(&docs);
    let office = |name: &str| {
        let p = people.persons.iter().find(|p| p.name == name);
        p.map(|p| p.office.as_str()).unwrap_or_default().to_string()
    };
    assert_eq!(office("Xi Jinping"), "President");
    assert_eq!(office("Vladimir Putin"), "President of Russia");
}

#[test]
fn a_chinese_surname_alone_counts_only_in_a_section_naming_the_person() {
    let docs = vec![crate::doc::markdown(
        "t.md",
        "# Visit\n\nPresident Chen Shui-bian met the envoy. Chen said the talks went well.\n\n\
         # Further reading\n\n- Jian, Chen. China's Road to the Korean War.\n",
    )];
    let people = People::build(&docs);
    let chen = people
        .persons
        .iter()
        .find(|p| p.name == "Chen Shui-bian")
        .expect("President Chen Shui-bian");
    let lines: Vec<usize> = chen.mentions.iter().map(|m| m.block.0).collect();
    assert_eq!(
        lines,
        [1, 1],
        "the name and Chen in its section, not the book's author"
    );
}

#[test]
fn a_name_the_last_words_of_one_fuller_name_is_that_person() {
    let docs = vec![crate::doc::markdown(
        "t.md",
        "King George Tupou V received the envoy. Later, King Tupou V thanked China.\n",
    )];
    let people = People::build(&docs);
    let names: Vec<&str> = people.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["George Tupou V"], "{names:?}");
    assert_eq!(people.persons[0].mentions.len(), 2);
}
