"""A corpus of everything users throw at Parallax, built fresh for each test (nothing binary is committed)."""

from __future__ import annotations

from pathlib import Path

GOOD = "Zelenskyy said the talks in Geneva were “difficult.” Medinsky called them “businesslike.”\n"
SCRIPT = "<script>alert(1)</script>"
ONERROR = "<img src=x onerror=alert(1)>"

# What each bad file should be reported for (file name -> words the message must hold).
EXPECTED_PROBLEMS = {
    "empty.txt": "empty",
    "blank.txt": "empty",
    "binary.txt": "binary",
    "huge.txt": "split it into articles",
    "copy b.txt": "same text as",
    "metadata_without_ids.csv": "no article_id column",
}
# Articles that must load, by id.
EXPECTED_ARTICLES = {
    "windows-1252", "bom-crlf", "payloads", "unbalanced", "giant-paragraph", "copy a", "Åsa noted in Kyiv",
    "hostile-title",
}


def build(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t \r\n  ")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "windows-1252.txt").write_bytes(
        "Kyiv’s negotiators called the talks “difficult” — Moscow’s team said “businesslike.”".encode("cp1252"))
    (folder / "bom-crlf.txt").write_bytes(("\ufeffGENEVA: Russia and Ukraine met.\r\n\r\n" + GOOD.replace("\n", "\r\n"))
                                          .encode("utf-8"))
    (folder / "huge.txt").write_text("Russia and Ukraine met in Geneva. " * 600_000)  # about 20 MB
    (folder / "payloads.html").write_text(
        "<html><head><title>Payloads</title><script>alert('head')</script></head><body><article>"
        "<h1>Talks</h1><p>Zelenskyy said the &lt;script&gt;alert(1)&lt;/script&gt; text is data.</p>"
        "<p>Another line with &lt;img src=x onerror=alert(1)&gt; in it.</p>"
        "<script>alert(2)</script><img src=x onerror=alert(3)></article></body></html>")
    (folder / "unbalanced.txt").write_text('Zelenskyy said it was "difficult. Medinsky said it was “fine.\n\nA stray ” mark.')
    (folder / "giant-paragraph.txt").write_text(("Russia and Ukraine met in Geneva and talked about territory, "
                                                 "and Zelenskyy said more talks would follow, ") * 5_000)
    (folder / "copy a.txt").write_text("The same report. " + GOOD)
    (folder / "copy b.txt").write_text("The same report. " + GOOD)
    (folder / "Åsa noted in Kyiv.txt").write_text("Åsa Öberg noted in Kyiv that Ukraine wants security guarantees.")
    (folder / "hostile-title.txt").write_text(f"An article about {ONERROR} and {SCRIPT} in Geneva. {GOOD}")
    (folder / "metadata.csv").write_text(
        f'article_id,title,outlet,date\nhostile-title,"{SCRIPT}","{ONERROR}",not a date\n'
        f'no-such-article,x,y,2026-01-01\n')
    (folder / "metadata_without_ids.csv").write_text("title,outlet\nSomething,Somewhere\n")
    return folder


def hostile_lexicons(folder: Path) -> tuple[Path, Path]:
    """Lexicons whose names and labels carry HTML payloads; they must show as text."""
    actors = folder / "actors.yaml"
    actors.write_text(
        "actors:\n"
        f"  - name: '{SCRIPT}'\n    kind: person\n    side: '{ONERROR}'\n    aliases: [Zelenskyy]\n"
        "  - name: Russia\n    kind: country\n    side: Russia\n    aliases: [Russia, Moscow]\n")
    issues = folder / "issues.yaml"
    issues.write_text(
        "issues:\n"
        f"  - id: talks\n    label: '{ONERROR}'\n    description: '{SCRIPT}'\n    color: '#123456'\n"
        "    phrases: [talks, Geneva]\n")
    return actors, issues


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file's modification time and bytes, to show that nothing was changed or deleted."""
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(folder.iterdir())}
