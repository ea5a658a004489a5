"""The PDF printer against a browser that misbehaves: it hangs (and leaves a helper running), or it writes
something that is not a PDF. A stand-in shell script plays Chromium, so these run without a browser."""

import os
import stat
import time

import pytest

from evaluatie.batch import pdf
from evaluatie.errors import OperationalError


def _fake_browser(tmp_path, body):
    script = tmp_path / "chromium"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.fixture
def page(tmp_path):
    page = tmp_path / "rapport.html"
    page.write_text("<!doctype html><title>t</title><p>tekst</p>", encoding="utf-8")
    return page


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as status:
        return status.read().rsplit(")", 1)[-1].split()[0] != "Z"


def test_a_hanging_browser_is_stopped_with_every_helper_it_started(tmp_path, page, monkeypatch):
    helper_pid = tmp_path / "helper.pid"
    browser = _fake_browser(tmp_path, f"sleep 300 &\necho $! > {helper_pid}\nsleep 300\n")
    monkeypatch.setenv("EVALUATIE_CHROMIUM", str(browser))
    monkeypatch.setattr(pdf, "TIMEOUT_SECONDS", 2)
    started = time.monotonic()
    with pytest.raises(OperationalError) as raised:
        pdf.print_pdf(page)
    assert time.monotonic() - started < 20
    message = str(raised.value)
    assert "\n" not in message and "rapport.html" in message and "binnen 2 seconden" in message
    pid = int(helper_pid.read_text())
    deadline = time.monotonic() + 5
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid), "the browser's helper process outlived the timeout"
    assert not page.with_suffix(".pdf").exists()


@pytest.mark.parametrize("content", ["<html>geen pdf</html>", "%PDF-1.4\nhalf geschreven"])
def test_output_that_is_not_a_whole_pdf_is_refused(tmp_path, page, monkeypatch, content):
    browser = _fake_browser(tmp_path, 'for a in "$@"; do case "$a" in --print-to-pdf=*) '
                                      f'printf %s "{content}" > "${{a#--print-to-pdf=}}";; esac; done\n')
    monkeypatch.setenv("EVALUATIE_CHROMIUM", str(browser))
    with pytest.raises(OperationalError, match="geen PDF"):
        pdf.print_pdf(page)
    assert not page.with_suffix(".pdf").exists()


def test_a_whole_pdf_is_written_beside_the_page(tmp_path, page, monkeypatch):
    made = tmp_path / "gemaakt.pdf"
    made.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n")
    browser = _fake_browser(tmp_path, 'for a in "$@"; do case "$a" in --print-to-pdf=*) '
                                      f'cp "{made}" "${{a#--print-to-pdf=}}";; esac; done\n')
    monkeypatch.setenv("EVALUATIE_CHROMIUM", str(browser))
    written = pdf.print_pdf(page)
    assert written == page.with_suffix(".pdf")
    assert written.read_bytes() == made.read_bytes() and pdf.page_count(written) == 1


def test_is_pdf_wants_header_and_end_marker():
    assert pdf.is_pdf(b"%PDF-1.7\n...\n%%EOF\n")
    assert not pdf.is_pdf(b"%PDF-1.7\n...")
    assert not pdf.is_pdf(b"PK\x03\x04%%EOF")
