from lib.text import find_date, segment


def test_headline_subheadings_and_dateline_of_the_explainer():
    text = (
        "U.S.-led Geneva talks end without breakthrough as Russia and Ukraine remain far apart\n\n"
        "Geneva, Feb. 18, 2026 — Talks between Russian and Ukrainian delegations ended. U.S. envoys ran it.\n\n"
        "What the teams actually worked on\n"
        "Geneva’s agenda focused on process and practicalities.\n"
    )
    seg = segment(text)
    assert seg.title == "U.S.-led Geneva talks end without breakthrough as Russia and Ukraine remain far apart"
    assert seg.dateline == "Geneva"
    assert seg.date == "2026-02-18"
    roles = [p.role for p in seg.paragraphs]
    assert roles == ["title", "body", "heading", "body"]
    body = [text[s.start : s.end] for s in seg.sentences if not s.heading]
    # The dateline is not part of the first sentence; "U.S." does not end one.
    assert body == [
        "Talks between Russian and Ukrainian delegations ended.",
        "U.S. envoys ran it.",
        "Geneva’s agenda focused on process and practicalities.",
    ]


def test_date_line_is_metadata_not_body():
    text = " date 2026-02-18 Ukrainian and Russian delegations called off talks.\n\nBreakthrough hopes low\n\nMore text."
    seg = segment(text)
    first = seg.sentences[0]
    assert text[first.start : first.end] == "Ukrainian and Russian delegations called off talks."
    assert seg.date == "2026-02-18"
    assert [text[s.start : s.end] for s in seg.sentences if s.heading] == ["Breakthrough hopes low"]


def test_capital_dateline_with_colon():
    seg = segment("GENEVA: Ukraine and Russia are set to resume peace talks. They met twice.")
    assert seg.dateline == "Geneva"
    assert seg.title == ""


def test_dates_in_three_spellings_agree():
    assert find_date("date 2026-02-18") == "2026-02-18"
    assert find_date("Geneva, Feb. 18, 2026 — Talks") == "2026-02-18"
    assert find_date("talks that ended on February 18, 2026, after") == "2026-02-18"
    assert find_date("on 18 February 2026") == "2026-02-18"
    assert find_date("no date here") == ""
    assert find_date("February 30, 2026") == ""


def test_closing_punctuation_inside_quotation_marks_ends_the_sentence():
    text = 'He said the first day had been "difficult." The Ukrainian leader said more.'
    seg = segment(text)
    assert [text[s.start : s.end] for s in seg.sentences] == [
        'He said the first day had been "difficult."',
        "The Ukrainian leader said more.",
    ]


def test_offsets_round_trip_on_crlf_and_bom_free_text():
    text = "First line of a long body paragraph that goes on.\r\nSecond paragraph here.\r\n"
    seg = segment(text)
    assert [text[s.start : s.end] for s in seg.sentences] == [
        "First line of a long body paragraph that goes on.",
        "Second paragraph here.",
    ]


def test_hard_wrapped_lines_join_into_one_paragraph():
    text = (
        "The talks in Geneva were described by several delegates as\n"
        "difficult but useful, and both sides agreed to meet again.\n"
    )
    seg = segment(text)
    assert len(seg.paragraphs) == 1
    assert len(seg.sentences) == 1
