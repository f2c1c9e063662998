"""Hostile and broken YAML never crashes: each case gets a located, readable problem."""

from __future__ import annotations

import pytest

from vitrine.yamlfile import YamlError, decode, parse


def test_duplicate_keys_are_reported_with_both_lines():
    _, problems = parse("name: A\nphone: 1\nname: B\n", "data/sources/x.yaml")
    assert [str(p) for p in problems] == [
        "data/sources/x.yaml:3:1: name: duplicate key; first given on line 1"]


def test_alias_bomb_fails_fast_with_a_clear_message():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for name, prev in zip("bcdefgh", "abcdefg", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    lines.append("i: [" + ", ".join(["*h"] * 9) + "]")
    with pytest.raises(YamlError) as caught:
        parse("\n".join(lines), "bomb.yaml")
    assert "expands to more than 2,000,000 values" in str(caught.value)


def test_tabs_for_indentation_are_named():
    with pytest.raises(YamlError) as caught:
        parse("source:\n\tname: x\n", "data/sources/tab.yaml")
    assert str(caught.value).startswith("data/sources/tab.yaml:2:1: invalid YAML")
    assert "tabs are not allowed" in str(caught.value)


def test_invalid_utf8_names_line_and_byte():
    with pytest.raises(YamlError) as caught:
        decode("name: ok\nville: Montr\xe9al\n".encode("latin-1"), "data/sources/l1.yaml")
    assert str(caught.value) == ("data/sources/l1.yaml:2:13: invalid UTF-8 (byte 0xe9); "
                                 "expected a file saved as UTF-8")


def test_yaml_12_scalars_keep_phone_hours_and_norway():
    doc, _ = parse("country: no\nopens: 09:00\npostal: 01234\non: yes\nn: 3\n", "x.yaml")
    assert doc.data == {"country": "no", "opens": "09:00", "postal": "01234", "on": "yes",
                        "n": 3}


def test_empty_file_is_a_document_without_data():
    doc, problems = parse("", "empty.yaml")
    assert (doc.data, problems, doc.where(())) == (None, [], (1, 1))


def test_unquoted_colon_gets_a_hint_an_editor_can_act_on():
    with pytest.raises(YamlError) as caught:
        parse("title: Étudier\nsummary: Mines : forêt\n", "content/stories/x.md", line_offset=1)
    assert str(caught.value) == (
        'content/stories/x.md:3:16: invalid YAML: unexpected ": " (a value holding ": " must '
        'be quoted: "like: this")')
