//! The layout tests: whole pages in, the articles found and their parts out.

use super::*;

/// Splits text laid out as a printed page, as on a paper seen to open its stories with
/// datelines (the tables below were written for People's Daily's habits).
fn split_page(text: &str) -> Page {
    split_page_with(text, &Profile::dateline_paper())
}

/// (headline, subheadlines, kicker, reporter names, dateline, jumps, body)
type Want<'a> = (
    &'a str,
    Vec<&'a str>,
    Option<&'a str>,
    Vec<&'a str>,
    Option<&'a str>,
    Vec<&'a str>,
    &'a str,
);

/// The parts of one article as owned values.
type Got = (
    String,
    Vec<String>,
    Option<String>,
    Vec<String>,
    Option<String>,
    Vec<String>,
    String,
);

fn got(text: &str) -> Vec<Got> {
    split_page(text)
        .articles
        .into_iter()
        .map(|a| {
            let names = a.reporter_names().iter().map(|s| s.to_string()).collect();
            (
                a.headline,
                a.subheadlines,
                a.kicker,
                names,
                a.dateline,
                a.jumps,
                a.body,
            )
        })
        .collect()
}

#[test]
fn pages() {
    let table: Vec<(&str, Vec<Want>)> = vec![
        // Headline, subheadline, staff byline, dateline; a paragraph cut mid-word.
        (
            "区委召开会议\n\n听取工作汇报 研究工作要点 部署防控工作\n\n湘江日报记者 王 明\n\n湘江日报讯 3月2日，区委召开会议，市政\n\n府党组参加。\n",
            vec![("区委召开会议", vec!["听取工作汇报 研究工作要点 部署防控工作"], None, vec!["王明"], Some("湘江日报讯 3月2日"), vec![], "湘江日报讯 3月2日，区委召开会议，市政府党组参加。")],
        ),
        // A section head stays inside; a jump line leaves the body; a photo item after it.
        (
            "春耕有序推进 农资供应充足\n\n——各地抓好春耕生产\n\n湘江日报记者 李华\n\n各地农民忙春耕。\n\n越是农时紧，越要抓质量\n\n农技人员下田指导。\n\n下转 A2 版\n\n无人机 洒农药\n\n3月1日，一架无人机在田间作业。\n\n湘江日报记者 周红 通讯员/陈亮 摄\n",
            vec![
                ("春耕有序推进 农资供应充足", vec!["——各地抓好春耕生产"], None, vec!["李华"], None, vec!["下转 A2 版"], "各地农民忙春耕。\n越是农时紧，越要抓质量\n农技人员下田指导。"),
                ("无人机 洒农药", vec![], None, vec!["周红", "陈亮"], None, vec![], "3月1日，一架无人机在田间作业。"),
            ],
        ),
        // Headline and subheadline on one line, a column tag, an agency byline, a
        // bracketed credit closing the story (it credits the story too); a bracketed
        // credit after a dateline starts the next article.
        (
            "新城产业链“火花飞溅” ——走访动力谷\n\n央媒看湘江\n\n新华社记者 张强\n\n走进动力谷，机器轰鸣。\n\n（本报记者 赵云）\n\n两国签署合作文件\n\n本报北京5月11日电 （记者徐明、刘 欣）两国今天签署文件。\n",
            vec![
                ("新城产业链“火花飞溅”", vec!["——走访动力谷"], Some("央媒看湘江"), vec!["张强", "赵云"], None, vec![], "走进动力谷，机器轰鸣。\n（本报记者 赵云）"),
                ("两国签署合作文件", vec![], None, vec!["徐明", "刘欣"], Some("本报北京5月11日电"), vec![], "本报北京5月11日电 （记者徐明、刘 欣）两国今天签署文件。"),
            ],
        ),
        // A listing of short lines under a headline stays one article; a section head
        // of two lines does not make its second line a photo item.
        (
            "节目单\n\n湘江日报记者 王明\n\n晚会节目如下。\n\n1.歌舞《春风》\n\n2.相声《新年》\n\n3.小品《回家》\n\n4.魔术《惊喜》\n\n5.合唱《明天》\n\n6.舞蹈《花开》\n",
            vec![("节目单", vec![], None, vec!["王明"], None, vec![], "晚会节目如下。\n1.歌舞《春风》\n2.相声《新年》\n3.小品《回家》\n4.魔术《惊喜》\n5.合唱《明天》\n6.舞蹈《花开》")],
        ),
        (
            "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。\n\n稳步推进\n\n新厂房成为产业高地\n\n3月1日，园区新厂房封顶。\n",
            vec![("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。\n稳步推进\n新厂房成为产业高地\n3月1日，园区新厂房封顶。")],
        ),
        // Two unmarked headline lines after a finished article, over text that tells
        // another story: the next article.
        (
            "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满，用工需求旺盛。\n\n园区负责人介绍，新厂房建成后将吸引更多企业入驻，带动就业岗位两千个以上，园区产值有望再上新台阶。下一步，园区将继续改善营商服务，为企业发展做好服务。\n\n山村小学\n\n迎来新老师\n\n开学第一天，孩子们围着老师唱歌跳舞。新老师是师范大学毕业生，主动申请来到山区任教，她说要让山里的孩子也能学好音乐和美术。\n\n学校校长说，这几年县里通过定向培养和公开招聘，为山区学校补充了一批年轻教师，学校的课程越来越齐全，孩子们的歌声也越来越响。\n",
            vec![
                ("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满，用工需求旺盛。\n园区负责人介绍，新厂房建成后将吸引更多企业入驻，带动就业岗位两千个以上，园区产值有望再上新台阶。下一步，园区将继续改善营商服务，为企业发展做好服务。"),
                ("迎来新老师", vec![], Some("山村小学"), vec![], None, vec![], "开学第一天，孩子们围着老师唱歌跳舞。新老师是师范大学毕业生，主动申请来到山区任教，她说要让山里的孩子也能学好音乐和美术。\n学校校长说，这几年县里通过定向培养和公开招聘，为山区学校补充了一批年轻教师，学校的课程越来越齐全，孩子们的歌声也越来越响。"),
            ],
        ),
        // A line over a paragraph opening with a day, in the same story: a section head.
        (
            "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设，园区企业加快生产。\n\n新厂房加快建设\n\n3月1日，园区新厂房封顶，园区企业陆续入驻新厂房。\n",
            vec![("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设，园区企业加快生产。\n新厂房加快建设\n3月1日，园区新厂房封顶，园区企业陆续入驻新厂房。")],
        ),
        // A headline-like line that goes on with a cut paragraph, though a credit follows.
        (
            "园区建设提速\n\n园区新厂房今年开工建设，园区内的各家企业纷纷加快生产进度，力争早日\n\n投产\n\n湘江日报记者 王明\n",
            vec![("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房今年开工建设，园区内的各家企业纷纷加快生产进度，力争早日投产")],
        ),
        // A credit line, then extra blank lines: the headline group after them starts
        // there, not at the credit.
        (
            "河边新景\n\n3月1日，市民在河边散步。\n\n新华社发\n\n\n\n气象台负责人——\n\n提醒市民注意防范降温\n\n本报北京2月12日电 （记者陈晓）气象台负责人提醒注意。\n",
            vec![
                ("河边新景", vec![], None, vec![], None, vec![], "3月1日，市民在河边散步。\n新华社发"),
                ("提醒市民注意防范降温", vec![], Some("气象台负责人——"), vec!["陈晓"], Some("本报北京2月12日电"), vec![], "本报北京2月12日电 （记者陈晓）气象台负责人提醒注意。"),
            ],
        ),
        // A listing that runs on after an end note, its first item bracketed like a
        // column name: still the same article.
        (
            "节目单\n\n湘江日报记者 王明\n\n晚会节目如下。\n\n（完）\n\n1.歌舞《春风》（合唱团）\n\n2.相声《新年》\n\n3.小品《回家》\n\n4.魔术《惊喜》\n\n5.合唱《明天》\n",
            vec![("节目单", vec![], None, vec!["王明"], None, vec![], "晚会节目如下。\n（完）\n1.歌舞《春风》（合唱团）\n2.相声《新年》\n3.小品《回家》\n4.魔术《惊喜》\n5.合唱《明天》")],
        ),
        // After extra blank lines a headline opens a story even when its last word
        // reads on into the text under it (`之治` / `党的`: `治党`), which would mark
        // a paragraph cut at a column break elsewhere.
        (
            "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n\n\n读懂中国之治\n\n党的建设是治理的根本，全书分十二章。\n",
            vec![
                ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                ("读懂中国之治", vec![], None, vec![], None, vec![], "党的建设是治理的根本，全书分十二章。"),
            ],
        ),
        // A dateline cut before its `电` after a headline line: a new article.
        (
            "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n小学开学\n\n湘江日报长沙3月2日\n\n电 孩子们围着老师唱歌。\n",
            vec![
                ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                ("小学开学", vec![], None, vec![], Some("湘江日报长沙3月2日电"), vec![], "湘江日报长沙3月2日电 孩子们围着老师唱歌。"),
            ],
        ),
        // A kicker broken by commas after an end note, over a headline line.
        (
            "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满，用工需求旺盛。\n\n园区负责人介绍，新厂房建成后将吸引更多企业入驻，带动就业岗位两千个以上，园区产值有望再上新台阶。\n\n（完）\n\n据统计，今年以来，新开工项目增加了一倍\n\n山村小学迎来新老师\n\n开学第一天，孩子们围着老师唱歌跳舞。新老师是师范大学毕业生，主动申请来到山区任教，她说要让山里的孩子也能学好音乐和美术。\n\n学校校长说，这几年县里通过定向培养和公开招聘，为山区学校补充了一批年轻教师，学校的课程越来越齐全。\n",
            vec![
                ("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满，用工需求旺盛。\n园区负责人介绍，新厂房建成后将吸引更多企业入驻，带动就业岗位两千个以上，园区产值有望再上新台阶。\n（完）"),
                ("山村小学迎来新老师", vec![], Some("据统计，今年以来，新开工项目增加了一倍"), vec![], None, vec![], "开学第一天，孩子们围着老师唱歌跳舞。新老师是师范大学毕业生，主动申请来到山区任教，她说要让山里的孩子也能学好音乐和美术。\n学校校长说，这几年县里通过定向培养和公开招聘，为山区学校补充了一批年轻教师，学校的课程越来越齐全。"),
            ],
        ),
        // Short lines broken by two commas over unrelated text: cut text, not a headline.
        (
            "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。\n\n在城东，在城西，在城南\n\n在城北，在郊外，在乡村\n\n到处是忙碌的工地。\n",
            vec![("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。\n在城东，在城西，在城南\n在城北，在郊外，在乡村\n到处是忙碌的工地。")],
        ),
        // A photo's source line ends its item and is no kicker of the next headline.
        (
            "河边新景\n\n3月1日，市民在河边散步。\n\n影像中国\n\n柑橘出口创新高\n\n据新华社金边1月1日电  （记者赵敏）出口量增加。\n",
            vec![
                ("河边新景", vec![], None, vec![], None, vec![], "3月1日，市民在河边散步。\n影像中国"),
                ("柑橘出口创新高", vec![], None, vec!["赵敏"], Some("据新华社金边1月1日电"), vec![], "据新华社金边1月1日电  （记者赵敏）出口量增加。"),
            ],
        ),
        // A reader's signature closes the letter, and is no kicker of the next one (under
        // a dateline here: whether a headline over plain text after a signature starts
        // an article is the model's call, and on the labelled pages letters more often
        // run on).
        (
            "来信说事\n\n小区快递柜要方便取件，收费也该合理。近来，一些小区的快递柜存放不到半天就开始收费，取件时间定得太短，让上班族很不方便，希望有关部门规范管理。\n\n辽宁大连市\u{a0}赵晓敏\n\n身边事\n\n闲置厂房应当盘活\n\n湘江日报讯 3月2日，各地建起了不少村办工厂，对带动村民就业、壮大集体经济起了不小作用。但也有一些工厂多年闲置，成了“空壳工厂”，白白占着土地和资金。\n\n建议有关部门摸清底数，分类处置，盘活闲置资源。\n",
            vec![
                ("来信说事", vec![], None, vec![], None, vec![], "小区快递柜要方便取件，收费也该合理。近来，一些小区的快递柜存放不到半天就开始收费，取件时间定得太短，让上班族很不方便，希望有关部门规范管理。\n辽宁大连市\u{a0}赵晓敏"),
                ("闲置厂房应当盘活", vec![], Some("身边事"), vec![], Some("湘江日报讯 3月2日"), vec![], "湘江日报讯 3月2日，各地建起了不少村办工厂，对带动村民就业、壮大集体经济起了不小作用。但也有一些工厂多年闲置，成了“空壳工厂”，白白占着土地和资金。\n建议有关部门摸清底数，分类处置，盘活闲置资源。"),
            ],
        ),
        // A label ending in a verb of speech over a speaker's description: a sidebar
        // inside the article, not a new one.
        (
            "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设，园区企业加快生产。\n\n亲历者说\n\n讲述人：李华，园区工程师\n\n“园区新厂房开工建设那年，园区企业还很少。”\n",
            vec![("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设，园区企业加快生产。\n亲历者说\n讲述人：李华，园区工程师\n“园区新厂房开工建设那年，园区企业还很少。”")],
        ),
        // A kicker that asks, at the top of the page, over the headline.
        (
            "假期过后心收了吗？窗口服务暖了吗？\n\n开工第一天 窗口很忙碌\n\n11日是长假结束后上班的头一天。\n",
            vec![("开工第一天 窗口很忙碌", vec![], Some("假期过后心收了吗？窗口服务暖了吗？"), vec![], None, vec![], "11日是长假结束后上班的头一天。")],
        ),
        // Stories of a series, each under its own byline over plain text: one article.
        // Under bylines over datelines, they are articles of their own.
        (
            "新春走基层\n\n山村小学\n\n迎来新老师\n\n湘江日报记者 王明\n\n开学第一天，孩子们围着老师唱歌跳舞。\n\n河边人家\n\n过年更热闹\n\n湘江日报记者 李华\n\n大年三十，河边人家贴春联。\n",
            vec![("山村小学", vec!["迎来新老师"], Some("新春走基层"), vec!["王明", "李华"], None, vec![], "开学第一天，孩子们围着老师唱歌跳舞。\n河边人家\n过年更热闹\n大年三十，河边人家贴春联。")],
        ),
        (
            "区委召开会议\n\n湘江日报记者 王明\n\n湘江日报讯 3月2日，区委召开会议。\n\n市政府召开会议\n\n湘江日报记者 李华\n\n湘江日报讯 3月2日，市政府召开会议。\n",
            vec![
                ("区委召开会议", vec![], None, vec!["王明"], Some("湘江日报讯 3月2日"), vec![], "湘江日报讯 3月2日，区委召开会议。"),
                ("市政府召开会议", vec![], None, vec!["李华"], Some("湘江日报讯 3月2日"), vec![], "湘江日报讯 3月2日，市政府召开会议。"),
            ],
        ),
        // After a section head, a longer line over a shorter one, over another story:
        // a kicker and headline opening the next article.
        (
            "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满，用工需求旺盛。\n\n园区负责人介绍，新厂房建成后将吸引更多企业入驻，带动就业岗位两千个以上，园区产值有望再上新台阶。\n\n稳步推进\n\n园区企业陆续入驻新厂房，一期工程已经投产，二期工程正在加紧建设，预计年底前全面完工。\n\n东湖小学开展课外阅读活动，让学生爱上读书\n\n书香飘满整个校园\n\n东湖小学近日开展课外阅读活动，孩子们在校园里读书、分享读书心得，书香飘满整个校园。\n\n校长说，学校每周安排两节阅读课，让学生爱上读书，养成课外阅读的好习惯。\n",
            vec![
                ("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满，用工需求旺盛。\n园区负责人介绍，新厂房建成后将吸引更多企业入驻，带动就业岗位两千个以上，园区产值有望再上新台阶。\n稳步推进\n园区企业陆续入驻新厂房，一期工程已经投产，二期工程正在加紧建设，预计年底前全面完工。"),
                ("书香飘满整个校园", vec![], Some("东湖小学开展课外阅读活动，让学生爱上读书"), vec![], None, vec![], "东湖小学近日开展课外阅读活动，孩子们在校园里读书、分享读书心得，书香飘满整个校园。\n校长说，学校每周安排两节阅读课，让学生爱上读书，养成课外阅读的好习惯。"),
            ],
        ),
        // A credit note closes its article, though brackets close it like a column name.
        (
            "治理之道\n\n好制度要落到治理的实处。\n\n（作者为江城市委党校（江城行政学院）教授）\n\n幸福生活要靠双手创造（思想纵横）\n\n三十年来，全市上下齐心协力。\n",
            vec![
                ("治理之道", vec![], None, vec![], None, vec![], "好制度要落到治理的实处。\n（作者为江城市委党校（江城行政学院）教授）"),
                ("幸福生活要靠双手创造（思想纵横）", vec![], None, vec![], None, vec![], "三十年来，全市上下齐心协力。"),
            ],
        ),
        // The same note cut in two at a column break, after an article with a section
        // head. (An untagged headline after such a note is left to the model: a collection
        // of signed commentaries prints one under each piece and stays one article.)
        (
            "治理之道\n\n好制度要落到治理的实处。\n\n发挥优势\n\n治理水平稳步提高。\n\n（作者为江城市委党校（江城行政学院）教授、\n\n市社科联特聘研究员）\n\n幸福生活要靠双手创造（思想纵横）\n\n三十年来，全市上下齐心协力，治理水平稳步提高。\n",
            vec![
                ("治理之道", vec![], None, vec![], None, vec![], "好制度要落到治理的实处。\n发挥优势\n治理水平稳步提高。\n（作者为江城市委党校（江城行政学院）教授、市社科联特聘研究员）"),
                ("幸福生活要靠双手创造（思想纵横）", vec![], None, vec![], None, vec![], "三十年来，全市上下齐心协力，治理水平稳步提高。"),
            ],
        ),
        // A headline over its abstract, after an article with section heads.
        (
            "治理之道\n\n好制度要落到治理的实处。\n\n发挥优势\n\n治理水平稳步提高。\n\n推动改革走得更稳\n\n内容提要\n\n推动改革走得更稳，好制度要落到治理的实处。\n\n改革要一步一个脚印地向前推进。\n",
            vec![
                ("治理之道", vec![], None, vec![], None, vec![], "好制度要落到治理的实处。\n发挥优势\n治理水平稳步提高。"),
                ("推动改革走得更稳", vec![], None, vec![], None, vec![], "内容提要\n推动改革走得更稳，好制度要落到治理的实处。\n改革要一步一个脚印地向前推进。"),
            ],
        ),
        // A single line over a caption and a photo credit, after an article with
        // section heads: a photo item of its own.
        (
            "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。\n\n稳步推进\n\n园区企业陆续入驻新厂房，园区企业加快生产。\n\n草原赛马\n\n青石镇晨光牧场近日办了一场赛马活动，骑手们赶着马群奔跑。\n\n陈亮摄（影像中国）\n",
            vec![
                ("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。\n稳步推进\n园区企业陆续入驻新厂房，园区企业加快生产。"),
                ("草原赛马", vec![], None, vec!["陈亮"], None, vec![], "青石镇晨光牧场近日办了一场赛马活动，骑手们赶着马群奔跑。"),
            ],
        ),
        // A label over the text is a paragraph of the body, not a headline line, and
        // the paragraph under it does not run on into it.
        (
            "议事不出社区 服务上门入户（倾听）\n\n核心阅读\n\n城区推动服务力量往社区里下沉。\n\n城区四周环山。\n",
            vec![("议事不出社区 服务上门入户（倾听）", vec![], None, vec![], None, vec![], "核心阅读\n城区推动服务力量往社区里下沉。\n城区四周环山。")],
        ),
        // A speaker's name with their post in brackets is no headline with its column.
        (
            "文艺座谈\n\n湘江日报记者 王明\n\n文艺工作者座谈交流，戏曲工作者发言。\n\n用戏曲形式讲好故事\n\n赵晓敏（京剧院副院长）\n\n戏曲工作者坚持守正创新，文艺工作者座谈交流。\n",
            vec![("文艺座谈", vec![], None, vec!["王明"], None, vec![], "文艺工作者座谈交流，戏曲工作者发言。\n用戏曲形式讲好故事\n赵晓敏（京剧院副院长）\n戏曲工作者坚持守正创新，文艺工作者座谈交流。")],
        ),
        // A headline with a subheadline of several clauses on one line, too long for a
        // headline line, straight over a dateline: the next article.
        (
            "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n市长主持召开市政府常务会议 安排春耕备耕和农资供应等各项工作；决定给受困小微企业减免半年房租并允许延期缴纳水电燃气费用，多种办法帮企业渡难关\n\n新华社北京2月18日电 市政府召开常务会议，安排春耕备耕工作。\n",
            vec![
                ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                ("市长主持召开市政府常务会议", vec!["安排春耕备耕和农资供应等各项工作；决定给受困小微企业减免半年房租并允许延期缴纳水电燃气费用，多种办法帮企业渡难关"], None, vec![], Some("新华社北京2月18日电"), vec![], "新华社北京2月18日电 市政府召开常务会议，安排春耕备耕工作。"),
            ],
        ),
        // One wider than a headline line with its column may be (a meeting's deck naming
        // each decision), over a dateline: the next article too.
        (
            "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n市长主持召开市政府常务会议 听取老街区改造进展情况汇报，要求各区把改造方案交给居民讨论；部署修缮沿江码头和两座老桥的措施，决定给搬进新区的摊贩减免半年摊位费并帮他们办好证照；决定拿出三块空地建设社区菜场和停车场，方便老人买菜、居民停车\n\n新华社北京2月18日电 市政府召开常务会议，安排春耕备耕工作。\n",
            vec![
                ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                ("市长主持召开市政府常务会议", vec!["听取老街区改造进展情况汇报，要求各区把改造方案交给居民讨论；部署修缮沿江码头和两座老桥的措施，决定给搬进新区的摊贩减免半年摊位费并帮他们办好证照；决定拿出三块空地建设社区菜场和停车场，方便老人买菜、居民停车"], None, vec![], Some("新华社北京2月18日电"), vec![], "新华社北京2月18日电 市政府召开常务会议，安排春耕备耕工作。"),
            ],
        ),
        // A paragraph cut inside a word (`集` / `中在`) after a comma, short enough for a
        // headline line: text, rejoined, not a section head.
        (
            "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满。\n\n园区负责人介绍，当前园区企业主要集\n\n中在装备制造和新材料两个领域，今年新签约项目十二个，总投资超过五十亿元。\n",
            vec![("园区建设提速", vec![], None, vec!["王明"], None, vec![], "园区新厂房开工建设。今年以来，园区围绕主导产业精准招商，一批重点项目相继落地，新厂房建设全面提速，企业生产订单饱满。\n园区负责人介绍，当前园区企业主要集中在装备制造和新材料两个领域，今年新签约项目十二个，总投资超过五十亿元。")],
        ),
        // A headline may run on into its subheadline (`通令` / `嘉奖`, one word across
        // the lines): still a headline.
        (
            "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n市政府签署通令\n\n嘉奖参加抗洪抢险救援的全体队员\n\n新华社北京10月29日电 市政府签署通令，嘉奖抗洪抢险队员。\n",
            vec![
                ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                ("市政府签署通令", vec!["嘉奖参加抗洪抢险救援的全体队员"], None, vec![], Some("新华社北京10月29日电"), vec![], "新华社北京10月29日电 市政府签署通令，嘉奖抗洪抢险队员。"),
            ],
        ),
        // Speeches written down by reporters, each closed by its credit: one collection.
        (
            "代表委员谈民生（两会·声音）\n\n稳就业 保民生\n\n张明代表（江南省农业科学院研究员）\n\n有活干，日子才有盼头。今年以来，外部环境变化不小，不少地方想办法帮工厂留住工人、帮小店撑过淡季。我们要把税费减免的好政策用足用好，鼓励企业少裁员、多招人，引导年轻人回乡创业，让群众的饭碗端得更稳。\n\n稳就业要盯住几类人。刚走出校门的学生、进城务工的农民、退伍回乡的军人，最需要搭把手，要给他们多开培训班、多找好岗位，教会他们一技之长，让他们不出远门也能挣到钱。\n\n保民生要守住底线。家里遇到难处的群众，要尽早纳入救助名单，一户都不能漏，让他们的吃穿住行都有着落，让大家实实在在感到身边有依靠。\n\n本报记者 王明整理\n\n把好事办好\n\n李华委员（江南大学校长）\n\n孩子上学是每个家庭的大事。要多给乡村学校投钱，把校舍修好，把老师配齐，让山里的娃娃不用走远路也能读好书。职业学校的专业也要跟着本地工厂的需要来设，多教实用手艺，给稳就业保民生多添一把力。\n\n办好教育要善待老师。乡村老师的工资要涨一涨，评职称的门槛要更合理，让好老师愿意来、留得下、教得好，让每个孩子都能在家门口的学校里学有所成。\n\n本报记者 赵云整理\n",
            vec![("代表委员谈民生（两会·声音）", vec!["稳就业 保民生", "张明代表（江南省农业科学院研究员）"], None, vec!["王明", "赵云"], None, vec![], "有活干，日子才有盼头。今年以来，外部环境变化不小，不少地方想办法帮工厂留住工人、帮小店撑过淡季。我们要把税费减免的好政策用足用好，鼓励企业少裁员、多招人，引导年轻人回乡创业，让群众的饭碗端得更稳。\n稳就业要盯住几类人。刚走出校门的学生、进城务工的农民、退伍回乡的军人，最需要搭把手，要给他们多开培训班、多找好岗位，教会他们一技之长，让他们不出远门也能挣到钱。\n保民生要守住底线。家里遇到难处的群众，要尽早纳入救助名单，一户都不能漏，让他们的吃穿住行都有着落，让大家实实在在感到身边有依靠。\n把好事办好\n李华委员（江南大学校长）\n孩子上学是每个家庭的大事。要多给乡村学校投钱，把校舍修好，把老师配齐，让山里的娃娃不用走远路也能读好书。职业学校的专业也要跟着本地工厂的需要来设，多教实用手艺，给稳就业保民生多添一把力。\n办好教育要善待老师。乡村老师的工资要涨一涨，评职称的门槛要更合理，让好老师愿意来、留得下、教得好，让每个孩子都能在家门口的学校里学有所成。")],
        ),
        // A reporter's notes after the story they come from, closed by its filing
        // place: an article of their own, headed by a line that exclaims before its
        // column (`记者手记` is the column, not a credit).
        (
            "两国合作结硕果\n\n本报记者 徐明\n\n两国今天签署合作文件，合作项目涵盖能源、交通和农业。\n\n（本报北京5月11日电）\n\n“谢谢你们，远方的朋友！”（记者手记）\n\n采访结束时，当地官员一再向记者道谢，感谢中国企业带来的工作岗位。\n",
            vec![
                ("两国合作结硕果", vec![], None, vec!["徐明"], None, vec![], "两国今天签署合作文件，合作项目涵盖能源、交通和农业。\n（本报北京5月11日电）"),
                ("“谢谢你们，远方的朋友！”（记者手记）", vec![], None, vec![], None, vec![], "采访结束时，当地官员一再向记者道谢，感谢中国企业带来的工作岗位。"),
            ],
        ),
        // A headline over more points than a headline group holds, then its dateline.
        (
            "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n三百多万城乡居民喝上了安全放心水（权威发布）\n\n●乡村自来水入户率同比提高3.5%\n\n●城镇老旧供水管网改造完成82.6%\n\n●1200多个乡镇建起了污水处理设施\n\n●抽检水样的水质合格率达到98%以上\n\n本报北京2月21日电 （记者孙丽）水利部门21日介绍有关情况。\n",
            vec![
                ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                ("三百多万城乡居民喝上了安全放心水（权威发布）", vec!["●乡村自来水入户率同比提高3.5%", "●城镇老旧供水管网改造完成82.6%", "●1200多个乡镇建起了污水处理设施", "●抽检水样的水质合格率达到98%以上"], None, vec!["孙丽"], Some("本报北京2月21日电"), vec![], "本报北京2月21日电 （记者孙丽）水利部门21日介绍有关情况。"),
            ],
        ),
        // A reporter's notes printed straight after the story, with no credit between:
        // part of it.
        (
            "帮新市民解决租房难\n\n本报记者 王明\n\n全国人大代表林晓这几天每晚都忙到10点多，为新市民租房的事奔走。\n\n多听群众声音（记者手记）\n\n无论上门走访还是电话回访，林晓总是耐心细致。\n",
            vec![("帮新市民解决租房难", vec![], None, vec!["王明"], None, vec![], "全国人大代表林晓这几天每晚都忙到10点多，为新市民租房的事奔走。\n多听群众声音（记者手记）\n无论上门走访还是电话回访，林晓总是耐心细致。")],
        ),
        // A headline that asks, over a dateline; a headline whose last word would run on
        // into the dateline under it (`第一课` + `本报`: `课本`) is still one.
        (
            "园区建设提速\n\n园区新厂房开工建设，园区企业加快生产。\n\n流感高发季，我们该怎么预防？\n\n新华社北京1月20日电 （记者赵敏）卫生部门的专家提醒，勤洗手多通风。\n\n上海开学上好交通安全第一课\n\n本报上海2月20日电 （记者李华）上海各中小学今天正式开学。\n",
            vec![
                ("园区建设提速", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。"),
                ("流感高发季，我们该怎么预防？", vec![], None, vec!["赵敏"], Some("新华社北京1月20日电"), vec![], "新华社北京1月20日电 （记者赵敏）卫生部门的专家提醒，勤洗手多通风。"),
                ("上海开学上好交通安全第一课", vec![], None, vec!["李华"], Some("本报上海2月20日电"), vec![], "本报上海2月20日电 （记者李华）上海各中小学今天正式开学。"),
            ],
        ),
        // A kicker that reads like a sentence over a headline in its column, after a
        // reader's letter.
        (
            "来信\n\n园区新厂房开工建设，园区企业加快生产。\n\n山东济南市  刘欣\n\n占地220亩的青石古镇，没几年工夫，商铺关门、游人寥寥\n\n仿古小镇为何留不住人（来信调查）\n\n编辑同志：位于江城市的青石古镇花了大钱，如今游人寥寥。\n",
            vec![
                ("来信", vec![], None, vec![], None, vec![], "园区新厂房开工建设，园区企业加快生产。\n山东济南市  刘欣"),
                ("仿古小镇为何留不住人（来信调查）", vec![], Some("占地220亩的青石古镇，没几年工夫，商铺关门、游人寥寥"), vec![], None, vec![], "编辑同志：位于江城市的青石古镇花了大钱，如今游人寥寥。"),
            ],
        ),
        // Interviews written down by reporters, each headline led in by its speaker:
        // still one collection after a credit; a photo label after one opens an item.
        (
            "代表委员谈民生（两会·声音）\n\n张明代表：\n\n稳就业 保民生\n\n有活干日子才有盼头，我们要把税费减免的好政策用足，鼓励企业稳住岗位。\n\n本报记者 王明整理\n\n李华委员：\n\n把好事办好\n\n孩子上学是每家的大事，要多给乡村学校投钱，把校舍修好。\n\n本报记者 赵云整理\n\n图片报道\n\n5月22日，代表委员步入会场。\n",
            vec![
                ("代表委员谈民生（两会·声音）", vec!["张明代表：", "稳就业 保民生"], None, vec!["王明", "赵云"], None, vec![], "有活干日子才有盼头，我们要把税费减免的好政策用足，鼓励企业稳住岗位。\n李华委员：\n把好事办好\n孩子上学是每家的大事，要多给乡村学校投钱，把校舍修好。"),
                ("图片报道", vec![], None, vec![], None, vec![], "5月22日，代表委员步入会场。"),
            ],
        ),
        // A round-up under its name: items over their own datelines stay in it.
        (
            "速览\n\n假期前6天全市接待游客320万人次\n\n本报北京10月7日电 （记者杨帆）记者从有关部门获悉，前6天全市接待游客320万人次。\n\n假期前6天全市公交乘客900万人次\n\n本报北京10月7日电 （记者周红）记者从市交通运输局获悉，公交乘客900万人次。\n",
            vec![("速览", vec![], None, vec!["杨帆", "周红"], Some("本报北京10月7日电"), vec![], "假期前6天全市接待游客320万人次\n本报北京10月7日电 （记者杨帆）记者从有关部门获悉，前6天全市接待游客320万人次。\n假期前6天全市公交乘客900万人次\n本报北京10月7日电 （记者周红）记者从市交通运输局获悉，公交乘客900万人次。")],
        ),
        // A speech printed after an article with section heads: its title over the
        // date it was given opens an article, as a dateline would.
        (
            "新春茶话会在京举行\n\n新华社北京2月3日电 新春茶话会3日上午在北京的一家剧院举行。\n\n共迎新春\n\n剧院里暖意融融，笑语不断。\n\n在二〇一九年江城新春联欢会上的讲话\n\n（二〇一九年二月三日）\n\n同志们，朋友们：新春佳节就要到了，大家今天相聚一起。\n",
            vec![
                ("新春茶话会在京举行", vec![], None, vec![], Some("新华社北京2月3日电"), vec![], "新华社北京2月3日电 新春茶话会3日上午在北京的一家剧院举行。\n共迎新春\n剧院里暖意融融，笑语不断。"),
                ("在二〇一九年江城新春联欢会上的讲话", vec![], None, vec![], None, vec![], "（二〇一九年二月三日）\n同志们，朋友们：新春佳节就要到了，大家今天相聚一起。"),
            ],
        ),
        // A paragraph closed by a note after its last sentence is finished: the headline
        // over a dateline after it opens an article. So does a speech's title with its
        // date on the same line.
        (
            "今年庙会不一般（今日谈）\n\n欢快的锣鼓响遍了庙会街头，老手艺焕发出别样动人的光彩。（相关报道见第十五版）\n\n春节假期第二天城区道路出行平稳有序\n\n本报北京2月5日电 （记者陈亮）2月5日是假期的第二天，全市交通平稳有序。\n\n在江城国际花卉节闭幕式上的讲话 （2019年10月9日，江城）\n\n尊敬的各位来宾，朋友们：历时5个多月的江城国际花卉节今天圆满落幕。\n",
            vec![
                ("今年庙会不一般（今日谈）", vec![], None, vec![], None, vec![], "欢快的锣鼓响遍了庙会街头，老手艺焕发出别样动人的光彩。（相关报道见第十五版）"),
                ("春节假期第二天城区道路出行平稳有序", vec![], None, vec!["陈亮"], Some("本报北京2月5日电"), vec![], "本报北京2月5日电 （记者陈亮）2月5日是假期的第二天，全市交通平稳有序。"),
                ("在江城国际花卉节闭幕式上的讲话 （2019年10月9日，江城）", vec![], None, vec![], None, vec![], "尊敬的各位来宾，朋友们：历时5个多月的江城国际花卉节今天圆满落幕。"),
            ],
        ),
        // A round-up of briefs: items under a headline over `本报电`, each closed by its
        // writer's name, are one article headed by the round-up's title.
        (
            "资讯速递\n\n江城地铁隧道有了“体检报告”\n\n本报电 近日，江城地铁隧道检测系统投入使用。\n\n（孙 丽）\n\n湘江企业联合成立品牌联盟\n\n本报电 日前，三十多家企业组建品牌联盟。\n\n（杨晓帆）\n",
            vec![("资讯速递", vec![], None, vec![], Some("本报电"), vec![], "江城地铁隧道有了“体检报告”\n本报电 近日，江城地铁隧道检测系统投入使用。\n（孙 丽）\n湘江企业联合成立品牌联盟\n本报电 日前，三十多家企业组建品牌联盟。\n（杨晓帆）")],
        ),
    ];
    for (input, want) in table {
        let want: Vec<_> = want
            .into_iter()
            .map(|(h, s, k, n, d, j, b)| {
                (
                    h.to_string(),
                    s.into_iter().map(String::from).collect::<Vec<_>>(),
                    k.map(String::from),
                    n.into_iter().map(String::from).collect::<Vec<_>>(),
                    d.map(String::from),
                    j.into_iter().map(String::from).collect::<Vec<_>>(),
                    b.to_string(),
                )
            })
            .collect();
        assert_eq!(got(input), want, "{input}");
    }
}

/// Each article's kicker and headline, in page order.
fn kickers_and_heads(page: &Page) -> Vec<(Option<&str>, &str)> {
    page.articles
        .iter()
        .map(|a| (a.kicker.as_deref(), a.headline.as_str()))
        .collect()
}

/// The rest of a paragraph cut at a column break trails off (`…笑得像春天一样……`) over a
/// headline in its column: text of the story before, not a kicker of the next one.
#[test]
fn a_cut_paragraph_is_no_kicker() {
    let page = split_page(
        "农村新娘拒彩礼（新春走基层）\n\n湘江日报记者 王明\n\n腊月二十，村里办了一场婚礼。\n\n天刚亮，亲友们就提着礼盒踩着晨光\n\n赶到了村口，大家忙得那么起劲，笑得像春天一样……\n\n养蜂人家添新愁（新春走基层）\n\n春节临近，记者来到山里的养蜂场，蜂农李华正忙着清点蜂箱。\n",
    );
    let heads = kickers_and_heads(&page);
    assert_eq!(
        heads,
        [
            (None, "农村新娘拒彩礼（新春走基层）"),
            (None, "养蜂人家添新愁（新春走基层）")
        ]
    );
    assert!(page.articles[0].body.ends_with("笑得像春天一样……"));
}

/// A story's last paragraph trailing off in clauses (`…，笑得像春天一样……`) under its
/// paragraph, over a headline in its column: the story's last line, not a kicker of the
/// next story, as a list trailing off (`图书、展览、课程……`) would be.
#[test]
fn a_last_line_trailing_off_in_clauses_is_no_kicker() {
    let page = split_page(
        "渔村过大年（新春走基层）\n\n湘江日报记者 王明\n\n除夕这天，码头上挂满了红灯笼。\n\n船老大把最后一网鱼分给了邻居，孩子们追着鞭炮跑远了，笑声一直飘到海边……\n\n茶山上的新课堂（新春走基层）\n\n年前，县里的农技员上了茶山，给茶农们讲起了新的修剪办法。\n",
    );
    let heads = kickers_and_heads(&page);
    assert_eq!(
        heads,
        [
            (None, "渔村过大年（新春走基层）"),
            (None, "茶山上的新课堂（新春走基层）")
        ]
    );
    assert!(page.articles[0].body.ends_with("笑声一直飘到海边……"));
}

/// Shaped like the starts lost on People's Daily pages printed without extra blank lines:
/// the line closing the story before (a reader's signature under a letter, a photo's
/// courtesy credit under a caption) is its last line, not a kicker over the next headline.
#[test]
fn the_line_closing_a_story_is_no_kicker() {
    let page = split_page(
        "笔者近日到超市买菜，发现门口的寄存柜坏了好几个，希望超市早点修好，方便顾客。\n\n山东威海市 孙丽\n\n电动车堵住楼道出口（曝光）\n\n笔者近日在一小区的楼道里看到，电动车随意停放、堵住安全出口的情况相当普遍。\n\n图为江城商会的员工和志愿者正在搬运救灾物资。\n\n江城市青年商会供图\n\n泰国新疗法治愈一名患者\n\n疗效还要进一步验证\n\n据新华社曼谷2月3日电  （记者陈亮）据当地卫生部门2日发布的消息称，一名患者已经康复。\n",
    );
    let heads = kickers_and_heads(&page);
    assert_eq!(
        heads,
        [
            (None, ""),
            (None, "电动车堵住楼道出口（曝光）"),
            (Some("泰国新疗法治愈一名患者"), "疗效还要进一步验证")
        ]
    );
    assert!(page.articles[0].body.ends_with("山东威海市 孙丽"));
    assert!(page.articles[1].body.ends_with("江城市青年商会供图"));
}

/// Shaped like the column of quoted speeches on People's Daily's provincial pages: the line
/// naming where a speech was given closes the quote, and the column-tagged headline under
/// it opens the next story, not a line cut at a column break going on.
#[test]
fn a_speech_source_closes_its_quote() {
    let page = split_page(
        "以务实建言助推家乡发展（声音）\n\n要多到基层听民声、察实情，用实际行动展现政协委员的担当。\n\n——江城市政协主席王明1月16日在江城市政协全体会议闭幕会上说\n\n再快一点，就能多救一个人（暖闻热评）\n\n疫情发生以来，江城第一医院的医生护士一直坚守在救治病人的一线，治好了大批患者。\n",
    );
    let heads: Vec<&str> = page.articles.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(
        heads,
        [
            "以务实建言助推家乡发展（声音）",
            "再快一点，就能多救一个人（暖闻热评）"
        ]
    );
    assert!(page.articles[0].body.ends_with("闭幕会上说"));
}

/// Shaped like People's Daily's first-person series (`脱贫攻坚  我的新年目标`) rendered
/// with bylines under the headline: the teller's line closes the story told, and the next
/// story's kicker and headline open under it, the teller no kicker of theirs.
#[test]
fn a_teller_closes_the_story_told() {
    let bylined = Profile {
        pages: 100,
        bylines_under: 300,
        ..Profile::default()
    };
    let page = split_page_with(
        "养羊致富\n\n■本报记者 王明\n\n今年打算再多养几十只羊。只要肯下力气、讲究方法，我这个曾经的困难户，年底一定能过上好日子！\n\n湘南省江城市青石县晨光乡柳溪村王大山讲述\n\n市疾控中心传染病防治专家陈晓建议：\n\n用流动的清水把手洗干净\n\n■本报记者 李华\n\n病毒可以通过接触传播，门把手和电梯按钮上都可能沾有病毒。勤洗手很要紧。\n",
        &bylined,
    );
    let heads = kickers_and_heads(&page);
    assert_eq!(
        heads,
        [
            (None, "养羊致富"),
            (
                Some("市疾控中心传染病防治专家陈晓建议："),
                "用流动的清水把手洗干净"
            )
        ]
    );
    assert!(page.articles[0].body.ends_with("王大山讲述"));
}

/// A headline with a `——` subheadline over figures printed as a box (a run of short
/// lines, as a listing is printed): a new story, not a listing inside the one before.
#[test]
fn a_subheadline_marks_a_headline_over_a_box_of_figures() {
    let page = split_page(
        "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设，一批重点项目相继落地。\n\n稳步推进\n\n园区企业陆续入驻新厂房，一期工程已经投产。\n\n打好发展组合拳（新时代新作为）\n\n——湘江市落实全会精神纪实\n\n4.4万\n\n去年新设立市场主体4.4万户\n\n1120\n\n去年高新技术企业达1120家\n\n去年以来，湘江市打好发展组合拳，新登记市场主体和高新技术企业大幅增加，经济稳中向好。\n",
    );
    let heads: Vec<&str> = page.articles.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(heads, ["园区建设提速", "打好发展组合拳（新时代新作为）"]);
    assert!(page.articles[0].body.ends_with("一期工程已经投产。"));
}

/// Who the reporter filter finds an article by: the byline over its text or under it,
/// the credit of its first dateline, but not the bylines of the stories of a series or
/// the credit of a round-up's later item (kept, marked `inner`).
#[test]
fn who_an_article_is_credited_to() {
    // Page, then for each article: the names the filter finds, all names.
    type Names<'a> = (Vec<&'a str>, Vec<&'a str>);
    let table: Vec<(&str, Vec<Names>)> = vec![
        // Over the text, and under it.
        (
            "园区建设提速\n\n湘江日报记者 王明\n\n园区新厂房开工建设。\n",
            vec![(vec!["王明"], vec!["王明"])],
        ),
        (
            "园区建设提速\n\n园区新厂房开工建设。\n\n湘江日报记者 王明\n",
            vec![(vec!["王明"], vec!["王明"])],
        ),
        // A series: each story under its own byline, the first one's included.
        (
            "谱写媒体融合新篇章\n\n好故事更动人 好声音更响亮\n\n本报记者  陈晓\n\n今年8月，系列微视频上线。\n\n技术赋能 融合发展\n\n本报记者  王 明\n\n5G技术走进演播室。\n",
            vec![(vec![], vec!["陈晓", "王明"])],
        ),
        (
            "谢谢你，青山绿水守护人\n\n他们守护着家乡的山水。\n\n江城市生态环境局执法人员赵敏：\n\n“我们的底气越来越足了”\n\n本报记者  陈晓\n\n执法检查越来越细。\n\n青石县检察院检察官李华：\n\n“这不是多管闲事”\n\n本报记者  周  红\n\n公益诉讼办了不少。\n",
            vec![(vec![], vec!["陈晓", "周红"])],
        ),
        // A lead paragraph before the first dateline; a round-up's second filing.
        (
            "两国将举行经贸合作论坛\n\n新华社北京1月10日电 商务部发言人宣布：两国将举办经贸论坛。\n\n本报北京1月10日电 （记者孙丽、杨帆）商务部介绍论坛筹备情况。\n",
            vec![(vec!["孙丽", "杨帆"], vec!["孙丽", "杨帆"])],
        ),
        (
            "各地迎新春\n\n本报北京1月10日电 （记者王明）庙会开幕。\n\n本报上海1月10日电 （记者李华）灯会开幕。\n",
            vec![(vec!["王明"], vec!["王明", "李华"])],
        ),
    ];
    for (input, want) in table {
        let page = split_page(input);
        let got: Vec<_> = page
            .articles
            .iter()
            .map(|a| (a.byline_names(), a.reporter_names()))
            .collect();
        assert_eq!(got, want, "{input}");
    }
}

/// Each article's headline and the names it credits.
fn credited(page: &Page) -> Vec<(&str, Vec<&str>)> {
    page.articles
        .iter()
        .map(|a| (a.headline.as_str(), a.reporter_names()))
        .collect()
}

/// A paper that credits its stories at their end: each byline credits the story over
/// it, not the next one, whether on its own line or after the last sentence, and
/// under a page header with the editors and a page label.
#[test]
fn bylines_after_the_story_credit_that_story() {
    let page = split_page(
        "2022年4月1日 星期五 责任编辑：王小明 视觉设计：李华\n\nA3 要闻\n\n地铁线路全部恢复运营\n\n昨天上午，全市地铁陆续恢复运行，早高峰客流平稳有序。\n\n截至昨天中午，各条线路都已恢复正常。  本报记者  王明\n\n社区菜场重新开门\n\n■本报记者  张三  李四\n\n昨天一早，社区菜场重新开门迎客，居民们排队选购新鲜蔬菜。\n\n本报记者  张三  李四  摄影报道\n\n老年大学开设网课\n\n首席记者  赵云\n\n本学期，老年大学把课程搬到了网上。（完）\n\n公园花展如期开幕\n\n昨天，公园花展如期开幕，吸引了不少市民前来观赏。\n\n图说：市民在花展上拍照留念\n\n园方提醒，游客要错峰游园。\n\n文/陈红  图/刘刚\n",
    );
    let got = credited(&page);
    assert_eq!(
        got,
        [
            ("地铁线路全部恢复运营", vec!["王明"]),
            ("社区菜场重新开门", vec!["张三", "李四"]),
            ("老年大学开设网课", vec!["赵云"]),
            ("公园花展如期开幕", vec!["陈红", "刘刚"]),
        ]
    );
    assert!(page.articles[0].body.ends_with("都已恢复正常。"));
    assert_eq!(page.articles[3].captions, ["图说：市民在花展上拍照留念"]);
    assert_eq!(
        page.date.map(|d| d.to_string()).as_deref(),
        Some("2022-04-01")
    );
}

/// A byline after a story's last sentence that a column break cut (`…投用。  本` over
/// `报记者  周新宇`) credits its story, and the next headline still opens the next one.
#[test]
fn a_byline_cut_after_the_last_sentence_credits_its_story() {
    let page = split_page(
        "园区新厂房开工建设\n\n本报讯  园区新厂房陆续开工建设，企业加快生产，工人们忙着安装设备。\n\n据介绍，园区今年计划新建厂房二十栋，预计年底前全部建成投用。  本\n\n报记者  周新宇\n\n城区公交线路优化调整\n\n本报讯  城区公交线路本月起优化调整，新增线路三条，方便市民出行。  本报记者  王明\n",
    );
    assert_eq!(
        credited(&page),
        [
            ("园区新厂房开工建设", vec!["周新宇"]),
            ("城区公交线路优化调整", vec!["王明"]),
        ]
    );
    assert!(page.articles[0].body.ends_with("全部建成投用。"));
}

/// Stories each under its own byline over plain text: one series on a paper that opens
/// its stories with datelines, as People's Daily prints them (rule `series`), but stories
/// of their own for a paper whose profile says it bylines its stories under their
/// headlines (rule `credited`), and by the general profile; furniture the profile
/// learned is dropped.
#[test]
fn a_paper_that_bylines_its_stories_prints_no_series() {
    let page = "新春走基层\n\n山村小学\n\n迎来新老师\n\n湘江日报记者 王明\n\n开学第一天，孩子们围着老师唱歌跳舞。\n\n星城晨报 社会新闻\n\n河边人家\n\n过年更热闹\n\n湘江日报记者 李华\n\n大年三十，河边人家贴春联。\n";
    let bylined = Profile {
        pages: 100,
        bylines_under: 300,
        dated: 100,
        furniture: vec!["星城晨报社会新闻".into()],
        ..Profile::default()
    };
    assert!(bylined.credits_under());
    let heads = |p: &Profile| -> Vec<(String, Vec<String>, String)> {
        split_page_with(page, p)
            .articles
            .into_iter()
            .map(|a| {
                (
                    a.headline.clone(),
                    a.byline_names().iter().map(|s| s.to_string()).collect(),
                    a.body,
                )
            })
            .collect()
    };
    let dated = heads(&Profile::dateline_paper());
    assert_eq!(dated.len(), 1);
    assert!(dated[0].2.contains("星城晨报 社会新闻"));
    assert_eq!(heads(&Profile::default()).len(), 2);
    let own = heads(&bylined);
    assert_eq!(
        own,
        [
            (
                "山村小学".into(),
                vec!["王明".into()],
                "开学第一天，孩子们围着老师唱歌跳舞。".into()
            ),
            (
                "过年更热闹".into(),
                vec!["李华".into()],
                "大年三十，河边人家贴春联。".into()
            ),
        ]
    );
}

#[test]
fn page_header_and_paper() {
    let page =
        split_page("2020年3月2日 星期一\n\n区委召开会议\n\n湘江日报讯 3月2日，区委召开会议。\n");
    assert_eq!(
        page.date.map(|d| d.to_string()).as_deref(),
        Some("2020-03-02")
    );
    assert_eq!(page.paper.as_deref(), Some("湘江日报"));
    assert_eq!(page.articles.len(), 1);
    assert_eq!(page.articles[0].event_day, Some((3, 2)));
    assert_eq!(page.articles[0].span[0], 15);
}

/// A lone page, split by the general profile: a headline over a byline after a story
/// that ended opens the next story (it merged into the story above before the general
/// profile took bylines under headlines for the common case).
#[test]
fn a_lone_page_opens_a_story_at_a_headline_over_a_byline() {
    let page = split_page_with(
        "老旧小区改造全面启动\n\n本市今年将改造老旧小区一百二十个，涉及居民三万余户，改造内容包括管网、外墙和电梯。\n\n市住建局负责同志表示，改造前将广泛征求居民意见，做到一区一策，确保群众满意。\n\n市住建局表示，改造将在年底前完成。\n\n新建学校秋季开学\n\n本报记者 张三\n\n三所新建学校将于九月投入使用，新增学位四千个。\n\n市教育局表示，新学校的师资已经配齐，将按时开学。\n",
        &Profile::default(),
    );
    let got = credited(&page);
    assert_eq!(
        got,
        [
            ("老旧小区改造全面启动", vec![]),
            ("新建学校秋季开学", vec!["张三"]),
        ]
    );
}

/// A column break on the space between two names of a bracketed credit keeps the space,
/// and every name is credited (they ran together as `杨帆陈晓明`, and the credit was lost).
#[test]
fn a_column_break_between_two_names_of_a_credit_keeps_them_apart() {
    let page = split_page(
        "雨水节气南方多阴雨\n\n本报讯（记者 孙丽华 通讯员 杨帆 \n\n陈晓明）19日是雨水节气，江南一带阴雨连绵不断。\n\n气象部门提醒，出行注意安全。\n",
    );
    assert_eq!(
        credited(&page),
        [("雨水节气南方多阴雨", vec!["孙丽华", "杨帆", "陈晓明"])]
    );
    assert!(page.articles[0]
        .body
        .starts_with("本报讯（记者 孙丽华 通讯员 杨帆 陈晓明）19日"));
}

/// A kicker summing the story up in clauses, printed without a stop as a lead-in line over
/// its headline, opens that story: it is no paragraph the headline goes on with.
#[test]
fn a_summary_lead_in_opens_its_story() {
    let page = split_page(
        "园区新厂房开工\n\n本报讯 园区新厂房今天开工建设，企业陆续入驻。\n\n审议春耕工作汇报，部署抓好农资供应；决定补贴种粮大户，稳定粮食生产\n\n市政府召开常务会议\n\n本报讯 市政府召开常务会议，研究春耕工作。\n",
    );
    let heads = kickers_and_heads(&page);
    assert_eq!(
        heads,
        [
            (None, "园区新厂房开工"),
            (
                Some("审议春耕工作汇报，部署抓好农资供应；决定补贴种粮大户，稳定粮食生产"),
                "市政府召开常务会议"
            )
        ]
    );
}

/// A story closing on its notices (`开放时间：…`, `主办单位：…`) straight over the next
/// story's headline and byline: the notices are the first story's last lines, not a kicker
/// over the second's headline (`facts::notices_over_heads`), on a lone page.
#[test]
fn notices_close_the_story_above_the_next_headline() {
    let page = "青石镇新建的乡村书屋本周开放，藏书三千余册，设有儿童阅读区。\n\n开放时间：周二至周日9：00—17：00\n\n主办单位：青石镇文化站\n\n江城新区首条公交专线开通\n\n本报记者  赵敏\n\n3日，江城新区首条公交专线开通运营，全程12公里。\n";
    let got = split_page_with(page, &Profile::default()).articles;
    let heads: Vec<&str> = got.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(heads, ["", "江城新区首条公交专线开通"], "{got:?}");
    assert!(got[0].body.ends_with("主办单位：青石镇文化站"), "{got:?}");
    assert_eq!(got[1].reporter_names(), ["赵敏"]);
}

/// A production credit (`版式设计：X`) under a story whose last paragraph has lost its stop
/// closes the story: the headline under it opens the next, on a lone page.
#[test]
fn a_production_credit_closes_the_story_above() {
    let page = "区里召开会议部署春耕\n\n本报记者  王明\n\n3日，区里召开会议，部署春耕生产。全区粮食产量稳中有升，农民收入持续增加，春耕物资储备充足，农技人员分片包干\n\n版式设计：赵敏\n\n青石镇新建书屋开放\n\n本报记者  李华\n\n近日，青石镇新建的书屋开放，藏书三千余册。\n";
    let got = split_page_with(page, &Profile::default()).articles;
    let heads: Vec<&str> = got.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(
        heads,
        ["区里召开会议部署春耕", "青石镇新建书屋开放"],
        "{got:?}"
    );
    assert_eq!(got[1].reporter_names(), ["李华"]);
}
