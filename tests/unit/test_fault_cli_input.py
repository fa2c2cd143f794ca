"""Bad words on the command line: for every verb, any argument is either accepted or a usage error (exit 2) whose
message names the bad word; never a traceback, never another exit code. No instance runs here, so an accepted
word that needs one ends with exit 3, "not running".

Each property reads: given any word after a verb, when stretchbreak runs, then ...
"""

from __future__ import annotations

import contextlib
import io
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from stretchbreak import cli
from stretchbreak.core.durations import DurationError, parse_duration

FAULT = settings(max_examples=150, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
VERBS = ("now", "snooze", "skip", "pause", "resume", "status", "list", "favourite", "quit", "autostart",
         "install-desktop", "stats", "export")
# Words a person might type, and the shapes the verbs take; no NUL (argv cannot hold one) and no surrogates
# (they only come from undecodable bytes, which test_undecodable_bytes_in_argv_are_named covers).
WORDS = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=20),
    st.from_regex(r"-?\d{1,25}([hms]|h\d{1,3}m)?", fullmatch=True),
    st.sampled_from(["tomorrow", "Tomorrow", "0", "0s", "1m", "-1", "--", "-", "--days", "on", "csv", "cobra-low",
                     "../cobra-low", "cobra-low.toml", "1e9", "½h", "10 m", "1h 30m"]),
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(argv))
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def names(err: str, word: str) -> bool:
    """The message names the word, as typed or as Python quotes it."""
    return word in err or repr(word) in err


def is_help(word: str) -> bool:
    return word.startswith("-h") or (word.startswith("--h") and "--help".startswith(word.split("=")[0]))


def duration_ok(word: str) -> bool:
    try:
        return parse_duration(word) > 0
    except DurationError:
        return False


@FAULT
@given(WORDS)
@example("--")
@example("-x")
@example("soon")
@example("99999999999999999999h")
def test_snooze_and_pause_take_a_duration_or_name_the_bad_word(word: str) -> None:
    assume(not is_help(word))
    for verb in ("snooze", "pause"):
        code, _, err = run(verb, word)
        assert "Traceback" not in err
        if code == 2:
            assert names(err, word), (verb, word, err)
        else:
            # Accepted: a duration, "tomorrow" for pause, or "--" (which ends the options and names nothing).
            assert code == 3, (verb, word, code, err)
            assert duration_ok(word) or word == "--" or (verb == "pause" and word == "tomorrow"), (verb, word)


@FAULT
@given(WORDS)
@example("-x")
@example("--stretch")
@example("handstand")
def test_favourite_takes_a_stretch_id_or_names_the_bad_word(word: str) -> None:
    assume(not is_help(word))
    code, out, err = run("favourite", word)
    assert "Traceback" not in err
    if code == 0:
        assert word in out or "Favourite:" in out
    else:
        assert code == 2, (word, code, err)
        assert names(err, word), (word, err)


@FAULT
@given(st.sampled_from([("stats", "--days"), ("export", "--format"), ("autostart", None)]), WORDS)
@example(("stats", "--days"), "0")
@example(("export", "--format"), "xml")
@example(("autostart", None), "maybe")
def test_option_values_are_checked_and_a_bad_one_is_named(verb_and_option: tuple[str, str | None], word: str) -> None:
    assume(not is_help(word) and word not in ("on", "off"))  # switching autostart for real is another test's job
    verb, option = verb_and_option
    argv = [verb, option, word] if option else [verb, word]
    if verb == "export":
        argv += ["--output", "/dev/null"]
    code, _, err = run(*argv)
    assert "Traceback" not in err
    assert code in (0, 2), (argv, code, err)
    if code == 2:
        assert names(err, word) or (word.startswith("-") and option is not None and names(err, option)), (argv, err)


@FAULT
@given(st.sampled_from(VERBS), WORDS)
def test_a_word_too_many_after_any_verb_is_named(verb: str, word: str) -> None:
    # Given a verb with all it needs, and then one more word
    assume(word.strip() and not word.startswith("-"))  # words that look like options: the tests above
    needs = {"favourite": ["cobra-low"], "autostart": ["status"], "export": ["--format", "csv"],
             "now": ["cobra-low"], "snooze": ["1m"], "pause": ["1m"]}
    argv = [verb, *needs.get(verb, []), word]
    code, _, err = run(*argv)
    assert code == 2 and names(err, word), (argv, code, err)


@FAULT
@given(WORDS)
def test_an_unknown_verb_is_named(word: str) -> None:
    assume(word not in VERBS and not word.startswith("-"))
    code, _, err = run(word)
    assert code == 2 and names(err, word), (word, code, err)


@pytest.mark.parametrize("word", [b"\xff", b"caf\xe9", b"10m\xff"])
def test_undecodable_bytes_in_argv_are_named(word: bytes) -> None:
    # Given a word that is not UTF-8 (a file name from an old disk, a broken terminal)
    for verb in ("snooze", "favourite"):
        result = subprocess.run([sys.executable, "-m", "stretchbreak", verb.encode(), word], capture_output=True,
                                check=False, timeout=60)
        # Then it is a usage error naming the bytes as Python shows them, not a UnicodeEncodeError
        assert result.returncode == 2, result
        assert b"Traceback" not in result.stderr
        shown = word.decode("utf-8", "surrogateescape")
        assert repr(shown).encode("ascii", "backslashreplace") in result.stderr or \
            shown.encode("utf-8", "backslashreplace") in result.stderr, result.stderr


@pytest.fixture
def fake_instance(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bytes]]:
    """A "running stretchbreak" on the CLI's own socket address that answers each request with the next reply
    in the list it yields (a short runtime dir: a Unix socket path must fit in about 100 bytes)."""
    replies: list[bytes] = []
    with tempfile.TemporaryDirectory(prefix="sb-", dir="/tmp") as folder:
        monkeypatch.setenv("XDG_RUNTIME_DIR", folder)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(cli._address())
        listener.listen()

        def serve() -> None:
            while True:
                try:
                    conn, _ = listener.accept()
                except OSError:
                    return
                with conn:
                    conn.recv(65536)
                    if replies:
                        conn.sendall(replies.pop(0))

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        yield replies
        listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        thread.join(5)


@pytest.mark.parametrize(("reply", "code"), [
    (b"not json\n", 1),
    (b"[1, 2]\n", 1),
    (b"[" * 5000 + b"\n", 1),  # nested deeper than Python's parser recurses
    (b"x" * 70_000, 1),  # a line longer than any reply, with no end
    (b"", 3),  # hung up without a word
])
def test_a_garbled_reply_from_the_running_app_is_an_error_message_not_a_traceback(
    fake_instance: list[bytes], reply: bytes, code: int
) -> None:
    # Given a running instance that answers with something that is not a reply
    fake_instance.append(reply)
    # When `stretchbreak status` asks it, then the CLI says so in a line and exits 1 (or 3: nobody answered)
    exit_code, out, err = run("status")
    assert exit_code == code, (exit_code, out, err)
    assert err.startswith("stretchbreak") and "Traceback" not in err
