//! The JSON rendering validates against `docs/brief.schema.json`, and the schema catches
//! drift: missing fields, unknown fields, wrong enums, wrong types.

mod fixture;

use boon::{Compiler, SchemaIndex, Schemas};
use dossier_brief::*;
use serde_json::{json, Value};

fn schema() -> (Schemas, SchemaIndex) {
    let text = std::fs::read_to_string(fixture::schema_path()).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let mut schemas = Schemas::new();
    let mut compiler = Compiler::new();
    let url = "file:///dossier/docs/brief.schema.json";
    compiler.add_resource(url, schema).unwrap();
    let index = compiler.compile(url, &mut schemas).unwrap();
    (schemas, index)
}

fn assert_valid(instance: &Value) {
    let (schemas, index) = schema();
    if let Err(e) = schemas.validate(instance, index) {
        panic!("brief should be valid: {e:#}");
    }
}

fn assert_invalid(instance: &Value, why: &str) {
    let (schemas, index) = schema();
    assert!(
        schemas.validate(instance, index).is_err(),
        "schema should reject a brief with {why}"
    );
}

fn brief_value() -> Value {
    serde_json::from_str(&brief_to_json(&fixture::brief())).unwrap()
}

#[test]
fn fixture_provenance_points_at_real_text() {
    let docs = fixture::docs();
    let b = fixture::brief();
    let text_of = |doc: &str| &docs.iter().find(|d| d.id == doc).unwrap().text;
    for s in &b.summary {
        assert_eq!(s.span.slice(text_of(&s.doc)), s.text);
    }
    for q in &b.quotes {
        assert_eq!(q.span.slice(text_of(&q.doc)), q.text);
    }
    for c in &b.claims {
        for m in &c.mentions {
            assert_eq!(m.span.slice(text_of(&m.doc)), m.text);
        }
    }
}

#[test]
fn brief_json_is_valid() {
    assert_valid(&brief_value());
}

#[test]
fn empty_brief_json_is_valid() {
    let v: Value = serde_json::from_str(&brief_to_json(&fixture::empty_brief())).unwrap();
    assert_valid(&v);
}

#[test]
fn to_json_is_an_array_of_valid_briefs_that_round_trips() {
    let briefs = vec![fixture::brief(), fixture::empty_brief()];
    let json = to_json(&briefs);
    let v: Value = serde_json::from_str(&json).unwrap();
    let items = v.as_array().expect("to_json writes an array");
    assert_eq!(items.len(), 2);
    for item in items {
        assert_valid(item);
    }
    let back: Vec<Brief> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, briefs);
}

#[test]
fn json_carries_the_contract_field_names() {
    let v = brief_value();
    assert_eq!(v["schema_version"], 4);
    assert_eq!(v["story"]["documents"][1]["published"], Value::Null);
    assert_eq!(v["timeline"][0]["precision"], "range");
    let span = &v["summary"][0]["span"];
    assert!(span["start"].is_u64() && span["end"].is_u64());
    assert_eq!(v["figures"][0]["value"], json!(95000.0));
}

#[test]
fn missing_required_field_is_rejected() {
    let mut v = brief_value();
    v.as_object_mut().unwrap().remove("claims");
    assert_invalid(&v, "no `claims`");

    let mut v = brief_value();
    v["quotes"][0].as_object_mut().unwrap().remove("speaker");
    assert_invalid(&v, "a quote without `speaker`");

    let mut v = brief_value();
    v["story"]["documents"][0]
        .as_object_mut()
        .unwrap()
        .remove("url");
    assert_invalid(
        &v,
        "a document without `url` (null is required, not absence)",
    );
}

#[test]
fn unknown_field_is_rejected() {
    let mut v = brief_value();
    v["sentiment"] = json!("negative");
    assert_invalid(&v, "an unknown top-level field");

    let mut v = brief_value();
    v["claims"][0]["mentions"][0]["confidence"] = json!(0.9);
    assert_invalid(&v, "an unknown field in a claim mention");

    let mut v = brief_value();
    v["copies"][0]["docs"][0]["span"]["length"] = json!(3);
    assert_invalid(&v, "an unknown field in a span");
}

#[test]
fn wrong_enums_and_types_are_rejected() {
    type Mutation = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Mutation)> = vec![
        (
            "stance `maybe`",
            Box::new(|v| v["claims"][2]["mentions"][0]["stance"] = json!("maybe")),
        ),
        (
            "quote kind `paraphrase`",
            Box::new(|v| v["quotes"][0]["kind"] = json!("paraphrase")),
        ),
        (
            "copy kind `fuzzy`",
            Box::new(|v| v["copies"][0]["kind"] = json!("fuzzy")),
        ),
        (
            "precision `week`",
            Box::new(|v| v["timeline"][0]["precision"] = json!("week")),
        ),
        (
            "negative span",
            Box::new(|v| v["summary"][0]["span"]["start"] = json!(-1)),
        ),
        (
            "fractional span",
            Box::new(|v| v["summary"][0]["span"]["end"] = json!(1.5)),
        ),
        (
            "schema_version 2",
            Box::new(|v| v["schema_version"] = json!(2)),
        ),
        (
            "string figure value",
            Box::new(|v| v["figures"][0]["value"] = json!("95000")),
        ),
        (
            "non-ISO published date",
            Box::new(|v| v["story"]["documents"][0]["published"] = json!("April 15, 2017")),
        ),
        (
            "null speaker",
            Box::new(|v| v["quotes"][0]["speaker"] = Value::Null),
        ),
        (
            "string disputed flag",
            Box::new(|v| v["claims"][0]["disputed"] = json!("no")),
        ),
    ];
    for (why, mutate) in cases {
        let mut v = brief_value();
        mutate(&mut v);
        assert_invalid(&v, why);
    }
}

#[test]
fn nullable_fields_accept_null() {
    let mut v = brief_value();
    v["figures"][0]["date"] = Value::Null;
    v["figures"][0]["qualifier"] = Value::Null;
    v["quotes"][0]["speaker_role"] = Value::Null;
    v["claims"][0]["mentions"][0]["source"] = Value::Null;
    assert_valid(&v);
}

#[test]
fn every_schema_object_is_closed_and_fully_required() {
    let text = std::fs::read_to_string(fixture::schema_path()).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let mut objects = vec![("brief".to_string(), &schema)];
    for (name, def) in schema["$defs"].as_object().unwrap() {
        if def.get("type") == Some(&json!("object")) {
            objects.push((name.clone(), def));
        }
    }
    assert_eq!(objects.len(), 13, "brief + 12 object definitions");
    for (name, def) in objects {
        assert_eq!(
            def["additionalProperties"],
            json!(false),
            "{name} must be closed"
        );
        let mut props: Vec<&String> = def["properties"].as_object().unwrap().keys().collect();
        let mut required: Vec<&str> = def["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        props.sort();
        required.sort();
        assert_eq!(
            props, required,
            "{name}: every field is required (nullable, not optional)"
        );
    }
}

/// The example in `docs/brief.md` is a valid brief whose spans point at the real text.
#[test]
fn documented_example_is_valid_and_its_spans_are_real() {
    let md_path = fixture::schema_path().with_file_name("brief.md");
    let md = std::fs::read_to_string(md_path).unwrap();
    let start = md.find("```json\n").expect("a json example in brief.md") + "```json\n".len();
    let end = start + md[start..].find("```").unwrap();
    let v: Value = serde_json::from_str(&md[start..end]).unwrap();
    assert_valid(&v);

    let b: Brief = serde_json::from_value(v).unwrap();
    let docs = fixture::docs();
    let text_of = |doc: &str| &docs.iter().find(|d| d.id == doc).unwrap().text;
    let mut checked = 0;
    let mut check = |doc: &str, span: dossier_core::Span, text: &str| {
        assert_eq!(span.slice(text_of(doc)), text, "{doc} {span:?}");
        checked += 1;
    };
    for s in &b.summary {
        check(&s.doc, s.span, &s.text);
    }
    for e in &b.timeline {
        check(&e.doc, e.span, &e.text);
    }
    for f in &b.figures {
        check(&f.doc, f.span, &f.text);
    }
    for q in &b.quotes {
        check(&q.doc, q.span, &q.text);
        for c in &q.copies {
            check(&c.doc, c.span, &q.text);
        }
    }
    for c in &b.claims {
        for m in &c.mentions {
            check(&m.doc, m.span, &m.text);
        }
    }
    for c in &b.copies {
        for p in &c.docs {
            check(&p.doc, p.span, &c.text);
        }
    }
    assert_eq!(checked, 12);
}
