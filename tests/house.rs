//! The tree's own rules, checked on every test run: no import cycles between the modules
//! of a layer, screens that reach the browser only through `platform`, no rule's number
//! typed into a screen's sentence, and files cut before they grow long.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Longer than this, a file is cut along its seams (data tables aside).
const MAX_LINES: usize = 800;

/// Longer than this, a function (a component too) is cut into parts.
const MAX_FN_LINES: usize = 160;

/// Data tables: long by nature, and nothing but data.
const TABLES: &[&str] = &["src/domain/library/table.rs", "src/domain/figure/poses.rs"];

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn rel(p: &Path) -> String {
    p.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

fn src(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir)
}

/// The code of a file without its unit tests (a test may reach anywhere).
fn code_of(p: &Path) -> String {
    let text = fs::read_to_string(p).unwrap();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// The module of `layer` a file belongs to: `planner` for `planner.rs` and everything
/// under `planner/`.
fn module_of(layer: &Path, p: &Path) -> String {
    let r = p.strip_prefix(layer).unwrap();
    let first = r.components().next().unwrap().as_os_str().to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The modules of the same layer a module names: `super::x` from a file at the layer's
/// top, `crate::LAYER::x` from anywhere.
fn imports(layer_name: &str, at_top: bool, code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let full = format!("crate::{layer_name}::");
    for (i, _) in code.match_indices(&full) {
        out.insert(ident(&code[i + full.len()..]));
    }
    if at_top {
        for (i, _) in code.match_indices("super::") {
            let name = ident(&code[i + "super::".len()..]);
            if name != "super" {
                out.insert(name);
            }
        }
    }
    out.retain(|n| !n.is_empty() && n != "mod");
    out
}

/// A cycle in the graph, if any, as the modules along it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        path.push(n.to_string());
        for m in graph.get(n).into_iter().flatten() {
            match state.get(m.as_str()) {
                Some(1) => {
                    let from = path.iter().position(|x| x == m).unwrap_or(0);
                    let mut cycle = path[from..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(m, graph, state, path) {
                        return Some(c);
                    }
                }
            }
        }
        path.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if !state.contains_key(n.as_str()) {
            if let Some(c) = visit(n, graph, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

fn graph_of(layer_name: &str) -> BTreeMap<String, BTreeSet<String>> {
    let layer = src(layer_name);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for p in rust_files(&layer) {
        let module = module_of(&layer, &p);
        if module == "mod" {
            continue;
        }
        let at_top = p.parent() == Some(layer.as_path());
        let mut names = imports(layer_name, at_top, &code_of(&p));
        names.remove(&module);
        graph.entry(module).or_default().extend(names);
    }
    graph
}

#[test]
fn no_import_cycle_between_the_modules_of_domain_state_or_ui() {
    for layer in ["domain", "state", "storage", "ui"] {
        let graph = graph_of(layer);
        assert!(graph.len() > 1, "read the {layer} modules");
        if let Some(cycle) = find_cycle(&graph) {
            panic!("src/{layer} has an import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn each_layer_imports_only_the_layers_below_it() {
    // domain and platform stand alone; storage and share read the domain; state reads
    // storage and the domain; the screens may use them all.
    let below: [(&str, &[&str]); 5] = [
        ("domain", &[]),
        ("platform", &[]),
        ("share", &["domain"]),
        ("storage", &["domain"]),
        ("state", &["domain", "storage"]),
    ];
    let layers = ["domain", "platform", "share", "storage", "state", "ui"];
    for (layer, allowed) in below {
        let mut files = rust_files(&src(layer));
        files.push(src(&format!("{layer}.rs")));
        for p in files.iter().filter(|p| p.exists()) {
            let code = code_of(p);
            for other in layers {
                if other == layer || allowed.contains(&other) {
                    continue;
                }
                assert!(
                    !code.contains(&format!("crate::{other}::")),
                    "{} imports {other}: {layer} may import only {allowed:?}",
                    rel(p)
                );
            }
        }
    }
}

#[test]
fn the_cycle_check_sees_a_cycle() {
    let mut g = BTreeMap::new();
    g.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    g.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(
        find_cycle(&g),
        Some(vec!["a".to_string(), "b".to_string(), "a".to_string()])
    );
    let names = imports(
        "domain",
        true,
        "use super::history::Entry;\nuse crate::domain::flare::X;",
    );
    assert_eq!(
        names,
        BTreeSet::from(["flare".to_string(), "history".to_string()])
    );
}

#[test]
fn screens_reach_the_browser_only_through_platform() {
    for p in rust_files(&src("ui")) {
        let code = code_of(&p);
        for api in ["web_sys", "js_sys", "wasm_bindgen", "gloo_"] {
            assert!(
                !code.contains(api),
                "{} calls {api} directly: give the capability a file in src/platform",
                rel(&p)
            );
        }
    }
}

/// A standard-library sort call in `code`, if any: each one compiles the whole stable
/// sort again into the wasm (kilobytes per call site).
fn std_sort_in(code: &str) -> Option<&'static str> {
    [".sort()", ".sort_by(", ".sort_by_key(", ".sort_unstable"]
        .into_iter()
        .find(|call| code.contains(call))
}

#[test]
fn the_app_sorts_with_its_one_sort() {
    assert_eq!(
        std_sort_in("v.sort_by_key(|x| x.0);"),
        Some(".sort_by_key(")
    );
    assert_eq!(std_sort_in("order::sort_by_key(&mut v, |x| x.0);"), None);
    for p in rust_files(&src("")) {
        if p.ends_with("domain/order.rs") {
            continue;
        }
        if let Some(call) = std_sort_in(&code_of(&p)) {
            panic!("{} calls {call}: use domain::order, compiled once", rel(&p));
        }
    }
}

#[test]
fn no_file_grows_past_its_limit() {
    for p in rust_files(&src("")) {
        let name = rel(&p);
        let lines = fs::read_to_string(&p).unwrap().lines().count();
        if TABLES.contains(&name.as_str()) {
            continue;
        }
        assert!(
            lines <= MAX_LINES,
            "{name} has {lines} lines (at most {MAX_LINES}): cut it along its seams"
        );
    }
}

/// Each function of some code with its length in lines: from its `fn` line to the brace
/// that closes it at the same indent (as `cargo fmt` leaves it).
fn functions(code: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let rest = line.trim_start();
        let rest = rest.strip_prefix("pub ").unwrap_or(rest);
        let rest = ["pub(crate) ", "pub(super) "]
            .iter()
            .fold(rest, |r, p| r.strip_prefix(p).unwrap_or(r));
        let rest = rest.strip_prefix("async ").unwrap_or(rest);
        let rest = rest.strip_prefix("const ").unwrap_or(rest);
        let Some(sig) = rest.strip_prefix("fn ") else {
            continue;
        };
        let name: String = sig
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[i + 1..].iter().position(|l| *l == close) {
            out.push((name, end + 2));
        }
    }
    out
}

#[test]
fn no_function_grows_past_its_limit() {
    let mut long = Vec::new();
    for p in rust_files(&src("")) {
        let name = rel(&p);
        if TABLES.contains(&name.as_str()) {
            continue;
        }
        for (f, lines) in functions(&code_of(&p)) {
            if lines > MAX_FN_LINES {
                long.push(format!("{name}: {f} has {lines} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "cut these into parts (at most {MAX_FN_LINES} lines):\n{}",
        long.join("\n")
    );
    let sample = "fn a() {\n    x();\n}\n    pub(super) fn b(\n        y: u8,\n    ) {\n    }\n";
    assert_eq!(
        functions(sample),
        vec![("a".to_string(), 3), ("b".to_string(), 4)]
    );
}

/// The string literals of some code, roughly: enough for sentences on screen.
fn string_literals(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find('"') {
            let after = &rest[i + 1..];
            let Some(j) = after.find('"') else { break };
            out.push(after[..j].to_string());
            rest = &after[j + 1..];
        }
    }
    out
}

/// Whether a sentence states a number a rule uses instead of building it from the rule.
fn states_a_rule_number(s: &str) -> Option<&'static str> {
    let b = s.as_bytes();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    for i in 0..b.len() {
        if !digit_at(i) || (i > 0 && digit_at(i - 1)) {
            continue;
        }
        let mut j = i;
        while digit_at(j) {
            j += 1;
        }
        let after = &s[j..];
        if after.starts_with('%') || after.starts_with(" %") {
            return Some("a percentage");
        }
        if after.starts_with('+') {
            return Some("a pain threshold (N+)");
        }
        for words in [" or below", " or lower", " or more", " or above"] {
            if after.starts_with(words) {
                return Some("a pain threshold (N or below/more)");
            }
        }
        // A band of pain, not a whole scale (pain 0–10, days of a week 0–7).
        let scale = s[i..].starts_with("0–10") || s[i..].starts_with("0–7");
        if after.starts_with('–')
            && after['–'.len_utf8()..].starts_with(|c: char| c.is_ascii_digit())
            && !scale
        {
            return Some("a pain band (N–M)");
        }
        if s[..i].ends_with("climbs to ") {
            return Some("a pain threshold (climbs to N)");
        }
    }
    for days in [
        "two days in a row",
        "three days in a row",
        "three check-ins",
        "three days",
    ] {
        if s.contains(days) {
            return Some("the days a flare needs to end");
        }
    }
    None
}

#[test]
fn the_rule_number_check_catches_what_it_should() {
    for s in [
        "within 10 % a week",
        "usually 5%",
        "5+",
        "pain at 2 or below",
        "3–4",
        "stop if it climbs to 5",
        "for three days in a row",
    ] {
        assert!(states_a_rule_number(s).is_some(), "{s}");
    }
    for s in [
        "daily pain (0–10)",
        "0–{GO_UP_TO}",
        "mobility days (0–7)",
        "within {} a week",
        "{GO_UP_TO} or below",
        "Set 2 of 3",
    ] {
        assert_eq!(states_a_rule_number(s), None, "{s}");
    }
}

#[test]
fn screens_build_every_rule_number_from_the_domain() {
    let mut found = Vec::new();
    for p in rust_files(&src("ui")) {
        for s in string_literals(&code_of(&p)) {
            if let Some(what) = states_a_rule_number(&s) {
                found.push(format!("{}: {what} in {s:?}", rel(&p)));
            }
        }
    }
    assert!(
        found.is_empty(),
        "rule numbers typed into screens (build them from src/domain):\n{}",
        found.join("\n")
    );
}
