"""Bad input through the real CLI: one line naming the file and the cause, its own exit code,
no traceback, nothing written."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from cli_runner import DISCUSSION, as_printed, assert_fails_cleanly, leftovers, octavo

from octavo import errors
from octavo.sources import MAX_SOURCE_MB

TEXT = DISCUSSION.read_text(encoding="utf-8")
PLAIN = "A plain heading\n\nFirst paragraph of the text.\n\nSecond paragraph.\n"


def _zip(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("chapter.txt", "some text")


BAD_SOURCES = {
    # name: (make the file at path, exit code, words the message must hold)
    "missing": (lambda p: None, 3, "no such file"),
    "directory": (lambda p: p.mkdir(), 3, "is a directory"),
    "empty": (lambda p: p.write_bytes(b""), 8, "is empty"),
    "white space": (lambda p: p.write_text(" \n\n\t\n"), 8, "no text"),
    "PDF": (lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>"), 9, "PDF"),
    "PNG": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)), 9,
            "PNG image"),
    "JPEG": (lambda p: p.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(64)), 9, "JPEG"),
    "zip": (_zip, 9, "zip archive"),
    "control bytes": (lambda p: p.write_bytes(b"text\x00\x01\x02\x03 more" * 20), 9,
                      "binary"),
    "no encoding": (lambda p: p.write_bytes(bytes(range(0x80, 0x100)) * 8), 10, "encoding"),
    "200 MB": (lambda p: p.open("wb").truncate(200 * 1024 * 1024), 11,
               f"up to {MAX_SOURCE_MB} MB"),
}


@pytest.mark.parametrize("case", BAD_SOURCES)
def test_bad_source_fails_with_one_line_and_its_code(tmp_path, case):
    make, code, cause = BAD_SOURCES[case]
    source = tmp_path / "book.mia.txt"
    make(source)
    out = tmp_path / "dist"
    line = assert_fails_cleanly(octavo("build", source, "--out", out), code, cause)
    assert str(source) in line
    assert not out.exists() or not any(out.iterdir())


def test_device_is_not_a_regular_file(tmp_path):
    assert_fails_cleanly(octavo("build", "/dev/zero", "--out", tmp_path), 3,
                         "/dev/zero", "not a regular file")


def test_every_source_failure_has_its_own_exit_code():
    codes = [cls.exit_code for cls in (errors.OctavoError, errors.SourceError,
                                       errors.MetadataError, errors.WorkNotFound,
                                       errors.OutputError, errors.RenderError,
                                       errors.SourceEmpty, errors.SourceNotText,
                                       errors.SourceEncodingError, errors.SourceTooLarge,
                                       errors.SourceKindError)]
    assert len(set(codes)) == len(codes) and errors.INTERRUPTED not in codes
    assert 2 not in codes  # click's own code for wrong usage


RUSSIAN = "Товарищи!\n\nДискуссия закончена. Это очень важно для партии.\n"
ENCODED = {
    # case: (codec, what the warning says, text)
    "utf-16": ("utf-16", "UTF-16 (BOM)", TEXT),
    "utf-16-le": ("utf-16-le", "UTF-16-LE (no BOM)", TEXT),
    "utf-16-be": ("utf-16-be", "UTF-16-BE (no BOM)", TEXT),
    "russian utf-16-le": ("utf-16-le", "UTF-16-LE (no BOM)", RUSSIAN * 3),
    "utf-32": ("utf-32", "UTF-32 (BOM)", TEXT),
    "cp1252": ("cp1252", "cp1252", TEXT),
    "latin-1": ("latin-1", "Latin-1",
                TEXT.translate(str.maketrans("’“”—–", "'\"\"--")) + "\nCafé."),
    "cp1251": ("cp1251", "cp1251", RUSSIAN),
    "koi8-r": ("koi8-r", "koi8_r", RUSSIAN * 3),
}


@pytest.mark.parametrize("case", ENCODED)
def test_source_in_another_encoding_is_read_with_a_warning(tmp_path, octavo_warnings, case):
    codec, said, text = ENCODED[case]
    source = tmp_path / "book.mia.txt"
    source.write_bytes(text.encode(codec))
    run = octavo("build", source, "--out", tmp_path, "--format", "epub")
    assert run.warnings == as_printed(octavo_warnings)  # each given, as one line
    assert run.code == 0, run
    assert any(said in w and str(source) in w for w in run.warnings), run.stderr
    z = zipfile.ZipFile(tmp_path / "book.epub")
    body = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
    last_words = " ".join(text.split()[-4:])
    assert last_words.replace("'", "&#39;").replace('"', "&#34;") in body


def test_utf8_with_a_stray_byte_keeps_its_utf8_and_says_where(tmp_path, octavo_warnings):
    source = tmp_path / "book.mia.txt"
    source.write_bytes(TEXT.encode() + b"\n\nA stray \x92 byte.\n")
    run = octavo("build", source, "--out", tmp_path, "--format", "epub")
    assert run.warnings == as_printed(octavo_warnings)  # each given, as one line
    assert run.code == 0
    assert any("not valid UTF-8" in w and f"byte {len(TEXT.encode()) + 10}" in w
               for w in run.warnings), run.stderr
    body = zipfile.ZipFile(tmp_path / "book.epub").read("EPUB/the-discussion.xhtml").decode()
    assert "Trotsky’s" in body or "’" in body  # UTF-8 kept, not read as cp1252 mojibake
    assert "â€" not in body


def test_text_without_structure_is_built_as_paragraphs_with_a_warning(tmp_path, octavo_warnings):
    source = tmp_path / "notes.mia.txt"
    source.write_text(PLAIN)
    run = octavo("build", source, "--out", tmp_path, "--format", "epub")
    assert run.warnings == as_printed(octavo_warnings)  # each given, as one line
    assert run.code == 0, run
    assert any("plain paragraph" in w for w in run.warnings), run.stderr
    assert any("no title" in w and "'notes'" in w for w in run.warnings), run.stderr
    z = zipfile.ZipFile(tmp_path / "notes.epub")
    body = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
    assert "Second paragraph." in body and "<title>notes</title>" in body


def test_warnings_are_one_line_each_and_name_the_source(tmp_path, octavo_warnings):
    source = tmp_path / "x.mia.txt"
    source.write_bytes(b"Title line\x01\x02\n\nText \x1b\x1b with\n\ncontrols\x7f.\n"
                       + PLAIN.encode() * 4)
    run = octavo("build", source, "--out", tmp_path, "--format", "epub")
    assert run.warnings == as_printed(octavo_warnings)  # each given, as one line
    assert run.code == 0
    assert run.stderr == run.warnings and len(run.warnings) >= 2
    assert all(w.startswith(f"octavo: warning: {source}: ") for w in run.warnings)
    assert any("dropped 5 control character" in w for w in run.warnings)


BAD_TOML = {
    # name: (TOML text, the key or line the message must name)
    "malformed": ('title = "A"\nauthor = "B\n', "line 2"),
    "duplicate key": ('title = "A"\ntitle = "B"\n', "line 2"),
    "unknown key": ('title = "A"\n\nautor = "B"\n', "'autor' on line 3"),
    "unknown table": ('title = "A"\n[colophon]\nsize = "a5"\n', "'colophon' on line 2"),
    "not a string": ('title = "A"\ndate = 1953\n', "'date' on line 2"),
    "empty title": ('author = "B"\ntitle = ""\n', "'title' on line 2"),
    "book_id escapes": ('title = "A"\nbook_id = "../../etc/x"\n', "'book_id' on line 2"),
    "book_id with slash": ('book_id = "a/b"\n', "'book_id' on line 1"),
    "book_id a device": ('book_id = "NUL"\n', "reserve"),
    "book_id with a device": ('book_id = "com1.book"\n', "reserve"),
    "bad language": ('title = "A"\nlanguage = "English (UK)"\n', "'language' on line 2"),
    "bad identifier": ('identifier = "my book"\n', "'identifier' on line 1"),
}


@pytest.mark.parametrize("case", BAD_TOML)
def test_bad_metadata_names_key_and_line(tmp_path, case):
    toml, where = BAD_TOML[case]
    source = tmp_path / "book.mia.txt"
    source.write_text(TEXT)
    (tmp_path / "book.toml").write_text(toml)
    run = octavo("build", source, "--out", tmp_path / "dist", "--format", "epub")
    assert_fails_cleanly(run, 4, str(tmp_path / "book.toml"), where)
    assert not (tmp_path / "dist").exists()


OTHER_TOML = {
    # name: (file beside book.mia.txt, TOML text, the place the message must name)
    "print: unknown trim": ("book.toml", '[print]\ntrim = "b7"\n',
                            "key 'trim' in [print] on line 2 = 'b7' is none of a5"),
    "print: not a table": ("book.toml", 'title = "A"\nprint = "a5"\n',
                           "key 'print' on line 2 must be a table"),
    "print: not true or false": ("book.toml", '[print]\n\nmarks = "yes"\n',
                                 "key 'marks' in [print] on line 3 must be true or false"),
    "known: no such code": ("book.toml", 'title = "A"\n[[known]]\ncode = "x-999"\n',
                            "key 'code' in [[known]] 1 on line 3 = 'x-999' is no finding's code"),
    "corrections: no replace": ("book.corrections.toml",
                                '[[fix]]\nfind = "a"\nreplace = "b"\n[[fix]]\nfind = "c"\n',
                                "[[fix]] 2 on line 4 needs key 'replace'"),
    "corrections: count a string": ("book.corrections.toml",
                                    '[[fix]]\nfind = "a"\nreplace = "b"\ncount = "all"\n',
                                    "key 'count' in [[fix]] 1 on line 4 must be an integer"),
    "corrections: unknown key": ("book.corrections.toml",
                                 '[[fix]]\nfind = "a"\nreplace = "b"\nwhere = "p. 3"\n',
                                 "key 'where' in [[fix]] 1 on line 4 is unknown"),
}


@pytest.mark.parametrize("case", OTHER_TOML)
def test_bad_print_settings_and_corrections_name_key_and_line(tmp_path, case):
    name, toml, where = OTHER_TOML[case]
    source = tmp_path / "book.mia.txt"
    source.write_text(TEXT)
    (tmp_path / name).write_text(toml)
    run = octavo("build", source, "--out", tmp_path / "dist")
    assert_fails_cleanly(run, 4, f"{tmp_path / name}: {where}")
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize(("toml", "where"), [
    ('title = "A"\ncolour = "red"\n[[work]]\nsource = "x.mia.txt"\n',
     "key 'colour' on line 2 is unknown"),
    ('author = "B"\n[[work]]\nsource = "x.mia.txt"\n', "needs key 'title'"),
    ('title = "A"\n', "needs [[work]] tables"),
    ('title = "A"\n[[work]]\nsource = "x.mia.txt"\n[[work]]\nwork = "p5"\n',
     "[[work]] 2 on line 4 needs key 'source'"),
    ('title = "A"\nlanguage = "English"\n[[work]]\nsource = "x.mia.txt"\n',
     "key 'language' on line 2 = 'English' is not a language tag"),
])
def test_bad_anthology_names_key_and_line(tmp_path, toml, where):
    (tmp_path / "anthology.toml").write_text(toml)
    run = octavo("anthology", tmp_path / "anthology.toml", "--out", tmp_path / "dist")
    assert_fails_cleanly(run, 4, f"{tmp_path / 'anthology.toml'}: {where}")


def test_an_unknown_source_kind_is_an_error_naming_the_kinds(tmp_path):
    source = tmp_path / "book.orc.txt"
    source.write_text(TEXT)
    run = octavo("build", source, "--out", tmp_path / "dist")
    assert_fails_cleanly(run, 13, str(source), "kind 'orc'", "one of html, mia, ocr")
    assert not (tmp_path / "dist").exists()
    plain = tmp_path / "book.txt"  # no kind at all: a transcription
    plain.write_text(TEXT)
    assert octavo("build", plain, "--out", tmp_path / "dist", "--format", "epub").code == 0


def test_metadata_with_a_byte_order_mark_is_read(tmp_path):
    source = tmp_path / "book.mia.txt"
    source.write_text(TEXT)
    (tmp_path / "book.toml").write_bytes('\ufefftitle = "With a BOM"\n'.encode())
    run = octavo("build", source, "--out", tmp_path, "--format", "epub")
    assert run.code == 0, run
    opf = zipfile.ZipFile(tmp_path / "book.epub").read("EPUB/content.opf").decode()
    assert ">With a BOM</dc:title>" in opf


def test_html_source_is_read_as_text_with_a_warning(tmp_path, octavo_warnings):
    source = tmp_path / "page.mia.txt"
    source.write_text("<!DOCTYPE html>\n<html><body><p>Hello</p></body></html>\n")
    run = octavo("build", source, "--out", tmp_path, "--format", "epub")
    assert run.warnings == as_printed(octavo_warnings)  # each given, as one line
    assert run.code == 0, run
    assert any("looks like HTML" in w for w in run.warnings), run.stderr


def test_metadata_in_another_encoding_or_a_folder(tmp_path):
    source = tmp_path / "book.mia.txt"
    source.write_text(TEXT)
    (tmp_path / "book.toml").write_bytes('title = "Caf\u00e9"\n'.encode("latin-1"))
    assert_fails_cleanly(octavo("build", source, "--out", tmp_path), 4, "not UTF-8")
    (tmp_path / "book.toml").unlink()
    (tmp_path / "book.toml").mkdir()
    assert_fails_cleanly(octavo("build", source, "--out", tmp_path), 4, "cannot read")


def test_output_folder_that_cannot_be_written(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert_fails_cleanly(octavo("build", DISCUSSION, "--out", blocker, "--format", "epub"),
                         6, str(blocker), "not a folder")
    assert_fails_cleanly(octavo("build", DISCUSSION, "--out", blocker / "dist"), 6,
                         str(blocker / "dist"), "Not a directory")
    assert blocker.read_text() == "not a folder"


def test_debug_shows_the_traceback_and_keeps_the_code(tmp_path):
    run = octavo("--debug", "build", tmp_path / "missing.mia.txt")
    assert run.code == 3
    assert any("Traceback" in line for line in run.stderr)
    assert run.stderr[-1] == f"octavo: error: {tmp_path / 'missing.mia.txt'}: no such file"


def test_an_unexpected_failure_is_one_line_too(tmp_path, monkeypatch):
    from octavo import build

    def broken(*args, **kwargs):
        raise LookupError("something\nunforeseen")

    monkeypatch.setattr(build, "read_cached", broken)
    run = octavo("build", DISCUSSION, "--out", tmp_path)
    line = assert_fails_cleanly(run, 1, "internal error", "LookupError: something unforeseen")
    assert "--debug" in line


def test_binary_source_in_a_real_process(tmp_path):
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    done = subprocess.run([sys.executable, "-c", "from octavo.cli import main; main()",
                           "build", str(source), "--out", str(tmp_path / "dist")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 9
    assert done.stderr == f"octavo: error: {source}: is a PDF file, not a source text\n"
    assert done.stdout == "" and not leftovers(tmp_path)


def test_output_cut_short_by_its_reader_is_no_error():
    """`octavo works SOURCE | head -1`: the pipe closes before octavo writes; it exits quietly."""
    volume = DISCUSSION.parent / "stalin-works-05.ocr.txt"
    process = subprocess.Popen([sys.executable, "-m", "octavo.cli", "works", str(volume)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # gone before the volume is read and the list written
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0 and "error" not in stderr, stderr


@pytest.mark.parametrize("command", ["build", "works", "pamphlet", "pamphlets", "anthology",
                                     "audit"])
def test_every_command_shows_its_help(command):
    run = octavo(command, "--help")
    assert run.code == 0 and not run.stderr, run
    assert run.stdout.startswith(f"Usage: main {command} ")
