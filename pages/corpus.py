"""Corpus: bring your own articles, fix their metadata, hide some, and keep the work as a file."""

import pandas as pd
import streamlit as st

from lib.corpus import ARTICLE_SUFFIXES, METADATA_FIELDS
from lib.highlight import Span
from lib.lexicon import ACTOR_KINDS, LexiconError
from lib.views import issue_evidence, mention_evidence
from lib.workspace import Workspace, WorkspaceError
from ui import components, state

state.through_entry_point()
st.title("Corpus")
st.caption("Your articles and their metadata. Changes stay in this browser session only; download the "
           "workspace file to keep them, and upload it again to carry on where you left off.")
ws = state.workspace()

st.subheader("Add articles")
generation = st.session_state.setdefault("upload_generation", 0)
uploads = st.file_uploader(
    "Text, Markdown, HTML, CSV or JSON Lines files, several at once, or a zip of them",
    type=[s.lstrip(".") for s in ARTICLE_SUFFIXES] + ["zip"], accept_multiple_files=True,
    key=f"uploads_{generation}")
if uploads:
    bar = st.progress(0.0, text="Reading the files…")
    files = []
    for n, upload in enumerate(uploads, 1):
        files.append((upload.name, upload.getvalue()))
        bar.progress(n / len(uploads), text=f"Reading {n} of {len(uploads)} files…")
    statuses = ws.add_files(files)
    added = sum(s.articles for s in statuses)
    st.session_state["upload_generation"] = generation + 1  # a fresh uploader: the files are in the workspace now
    st.session_state["upload_message"] = f"{added} articles added from {len(statuses)} files."
    st.rerun()
if "upload_message" in st.session_state:
    st.success(st.session_state.pop("upload_message"))

with st.form("links_form", clear_on_submit=True, border=False):
    links = st.text_area("Or import from links, one per line",
                         placeholder="https://www.example.org/news/talks-in-geneva",
                         help="The article text, title, outlet, date and author are taken from each page. "
                              "This needs the machine running Parallax to be online.")
    imported = st.form_submit_button("Import the links", icon=":material/link:")
if imported and links.strip():
    urls = [u for u in links.splitlines() if u.strip()]
    bar = st.progress(0.0, text="Fetching…")
    for n, url in enumerate(urls, 1):
        ws.add_url(url)
        bar.progress(n / len(urls), text=f"Fetched {n} of {len(urls)} links…")
    st.session_state["upload_generation"] = generation + 1
    st.session_state["upload_message"] = f"{len(urls)} links read; their status is in the table below."
    st.rerun()

files = pd.DataFrame([(f.file, f.articles, f.status) for f in ws.files], columns=["File", "Articles", "Status"])
if not files.empty:
    st.dataframe(files, hide_index=True, column_config={"Status": st.column_config.TextColumn(width="large")})

st.subheader("Articles and their metadata")
st.caption("Edit a title, outlet, date or link: outlet names then label the article on every page. Untick "
           "“In view” to leave an article out of every page.")
table = pd.DataFrame([{"In view": a.article_id not in ws.hidden, "article_id": a.article_id,
                       **{f: getattr(a, f) for f in METADATA_FIELDS}, "file": a.source_file} for a in ws.articles])
if table.empty:
    components.empty("The workspace has no article yet: add some above.")
else:
    edited = st.data_editor(table, hide_index=True, disabled=["article_id", "file"], key="metadata_editor",
                            column_config={"In view": st.column_config.CheckboxColumn(width="small"),
                                           "url": st.column_config.LinkColumn("url")})
    changed = False
    for before, after in zip(table.to_dict("records"), edited.to_dict("records")):
        updates = {f: after[f] or "" for f in METADATA_FIELDS if (after[f] or "") != (before[f] or "")}
        if updates:
            ws.set_metadata(before["article_id"], **updates)
            changed = True
        if after["In view"] != before["In view"]:
            (ws.hidden.discard if after["In view"] else ws.hidden.add)(before["article_id"])
            changed = True
    if changed:
        st.rerun()

st.subheader("Keep the work")
left, right = st.columns(2)
with left:
    st.download_button("Download the workspace (zip)", lambda: ws.to_zip(), file_name=components.file_name(
        "corpus", "workspace", state.load_analysis(), "zip"), mime="application/zip", on_click="ignore",
        icon=":material/download:", help="Articles, metadata, hidden articles and lexicons, in one file.")
with right:
    restored = st.file_uploader("Open a workspace file", type=["zip"], key=f"workspace_{generation}")
    if restored is not None:
        try:
            st.session_state["workspace"] = Workspace.from_zip(restored.getvalue())
        except WorkspaceError as exc:
            st.error(f"{restored.name}: {exc}")
        else:
            st.session_state["upload_generation"] = generation + 1
            st.session_state.pop("articles", None)
            st.session_state["upload_message"] = f"Workspace {restored.name} opened."
            st.rerun()
if st.button("Start again from the app's corpus", icon=":material/restart_alt:"):
    for key in ("workspace", "articles"):
        st.session_state.pop(key, None)
    st.rerun()

st.subheader("Actors and issues")
st.caption("Edit the lexicons: add a row at the bottom, delete one by selecting it. Lists (aliases, descriptions, "
           "phrases) are separated by semicolons; a phrase starting with re: is a regular expression. Every change "
           "is checked as you make it and, when valid, every page follows.")
actors_rows, issues_rows = ws.lexicon_tables()
actor_tab, issue_tab = st.tabs(["Actors", "Issues"])
with actor_tab:
    edited_actors = st.data_editor(
        pd.DataFrame(actors_rows), num_rows="dynamic", hide_index=True, key="actors_editor",
        column_config={"kind": st.column_config.SelectboxColumn(options=list(ACTOR_KINDS), required=True),
                       "gender": st.column_config.SelectboxColumn(options=["", "male", "female"]),
                       "aliases": st.column_config.TextColumn(width="large"),
                       "descriptions": st.column_config.TextColumn(width="large")})
with issue_tab:
    edited_issues = st.data_editor(pd.DataFrame(issues_rows), num_rows="dynamic", hide_index=True, key="issues_editor",
                                   column_config={"phrases": st.column_config.TextColumn(width="large")})


def _plain(rows: list[dict]) -> list[dict]:
    """Rows as the editor means them: an empty cell is "", however the editor returns it."""
    return [{k: "" if v is None or v != v else v for k, v in row.items()} for row in rows]


new_actors, new_issues = _plain(edited_actors.to_dict("records")), _plain(edited_issues.to_dict("records"))
if (new_actors, new_issues) != (_plain(actors_rows), _plain(issues_rows)):
    try:
        ws.set_lexicons(new_actors, new_issues)
    except LexiconError as exc:
        st.error(f"Not applied yet: {exc}", icon=":material/error:")
    else:
        st.rerun()

analysis = state.load_analysis()
names = [a["name"] for a in actors_rows] + [f"issue: {i['label']}" for i in issues_rows]
preview = st.selectbox("Preview what an entry matches", names, index=None, placeholder="Choose an actor or issue")
if preview:
    if preview.startswith("issue: "):
        issue = next(i["id"] for i in issues_rows if f"issue: {i['label']}" == preview)
        rows = issue_evidence(analysis, issue)
        found = [(r.article_id, r.start, r.end, [Span(int(a), int(b), "match", analysis.lexicons.issue(issue).color)
                                                 for a, b in (o.split("-") for o in r.phrase_offsets.split(";"))])
                 for r in rows.itertuples()]
    else:
        rows = mention_evidence(analysis, preview)
        found = [(r.article_id, int(r.start_sentence), int(r.end_sentence),
                  [Span(int(r.start), int(r.end), "actor", analysis.lexicons.actor_colors().get(preview, ""))])
                 for r in rows.itertuples()]
    if not found:
        components.empty("It matches nothing in the workspace's articles.")
    else:
        components.evidence(analysis, found, limit=20, note=f"{len(found)} matches; the first 20:")

st.subheader("Save")
if state.can_save():
    corpus_folder = state.corpus_path()
    actors_file, issues_file = state.lexicon_paths()
    st.caption(f"This is a local install: Save writes the lexicons to `{actors_file.name}` and `{issues_file.name}`, "
               f"new articles and metadata.csv into `{corpus_folder}`. The previous version of each file is kept "
               "as NAME.bak; no article file is deleted.")
    if st.button("Save to disk", icon=":material/save:"):
        try:
            written = ws.save(corpus_folder, actors_file, issues_file)
        except OSError as exc:
            st.error(f"Nothing could be saved: {exc.strerror or exc}")
        else:
            st.success(f"Saved {len(written)} files.")
else:
    st.caption("This deployment is shared or read-only, so nothing is written to its disk: download the workspace "
               "file above to keep your work.")
