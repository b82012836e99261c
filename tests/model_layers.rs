//! No circle inside `src/model/`: its modules (`debrief`, `outreach`,
//! `today`, …) are read from the source, each with the other model modules
//! it names (`crate::model::x`, or `super::x` from a file directly under
//! model/), and the graph must have no cycle. A circle makes two modules one
//! in all but name: neither can be read, tested or moved without the other.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Each model module and the model modules its code (tests aside) names.
fn model_graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let mut graph = BTreeMap::<String, BTreeSet<String>>::new();
    let mut files = vec![root.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(fs::read_dir(&path).unwrap().map(|entry| entry.unwrap().path()));
            continue;
        }
        let relative = path.strip_prefix(&root).unwrap();
        let top_level = relative.components().count() == 1;
        let module =
            relative.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_owned();
        if module == "mod" {
            continue;
        }
        let source = fs::read_to_string(&path).unwrap();
        // A file's unit tests come last, after `#[cfg(test)]`.
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        let mut prefixes = vec!["crate::model::"];
        if top_level {
            prefixes.push("super::");
        }
        let names = graph.entry(module.clone()).or_default();
        for line in code.lines().filter(|line| !line.trim_start().starts_with("//")) {
            for prefix in &prefixes {
                for (at, _) in line.match_indices(prefix) {
                    for name in named_modules(&line[at + prefix.len()..]) {
                        if name != module {
                            names.insert(name);
                        }
                    }
                }
            }
        }
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for names in graph.values_mut() {
        names.retain(|name| modules.contains(name));
    }
    graph
}

/// The first path segments after a prefix: `x` in `x::Y`, or each of
/// `{x::Y, z}` (only lower-case names: modules, not types).
fn named_modules(rest: &str) -> Vec<String> {
    let segment = |text: &str| text.trim().split("::").next().unwrap_or_default().to_owned();
    let names = match rest.strip_prefix('{') {
        Some(group) => group.split('}').next().unwrap_or_default().split(',').map(segment).collect(),
        None => vec![segment(
            rest.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).next().unwrap_or_default(),
        )],
    };
    names.into_iter().filter(|name| name.chars().next().is_some_and(|c| c.is_ascii_lowercase())).collect()
}

/// A cycle of the graph, as the modules along it, if there is one.
fn a_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|on| on == module) {
            let mut cycle = path[at..].to_vec();
            cycle.push(module.to_owned());
            return Some(cycle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_owned());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(module.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|module| visit(module, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_circle_among_the_model_modules() {
    let graph = model_graph();
    // The reader sees the sections and what is built on them.
    for (module, named) in [("today", "outreach"), ("workbook", "debrief"), ("merge", "plan")] {
        assert!(graph[module].contains(named), "{module} names {named}: {graph:?}");
    }
    assert_eq!(a_cycle(&graph), None, "a circle inside src/model/");
}

#[test]
fn a_circle_is_found() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["a"]), ("d", vec![])]
            .into_iter()
            .map(|(module, names)| (module.to_owned(), names.into_iter().map(str::to_owned).collect()))
            .collect();
    assert_eq!(a_cycle(&graph), Some(["a", "b", "c", "a"].map(str::to_owned).to_vec()));
    assert_eq!(named_modules("{mojo::format_hours, Plan, outreach}"), ["mojo", "outreach"]);
    assert_eq!(named_modules("today::FollowUpDue;"), ["today"]);
}
