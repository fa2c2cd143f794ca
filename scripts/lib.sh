# shellcheck shell=bash
# Set-up steps shared by scripts/run and scripts/test. Sourced, never executed.
#
# After sourcing, the current directory is the repository root and these are defined:
#   sb_ensure_packages PKG...   make sure Debian packages are installed (installs them as root,
#                               otherwise prints the sudo line and exits 1)
#   sb_ensure_venv              create .venv (a working one) if it is missing or broken
#   sb_pip_install KEY ARGS...  run `pip install ARGS` in .venv unless KEY matches the last install
#   sb_hash_inputs PATH...      a hash of the contents of files/directories, for such a KEY

SB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SB_VENV="$SB_ROOT/.venv"
SB_MIN_PYTHON="3.11"
cd "$SB_ROOT" || exit 1

# What the PySide6 wheels load from the system at run time: the xcb platform plugin's libraries,
# and PulseAudio's client library, without which QtMultimedia (the sound cues) cannot even be imported.
# shellcheck disable=SC2034  # used by the scripts that source this file
SB_QT_PACKAGES=(
    libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
    libxcb-render-util0 libxcb-xinerama0 libxcb-shape0 libxcb-randr0 libxcb-xkb1
    libegl1 libgl1 libfontconfig1 libdbus-1-3 libpulse0
)

export PIP_DISABLE_PIP_VERSION_CHECK=1
export PIP_NO_INPUT=1

sb_say() {
    printf 'stretchbreak: %s\n' "$*" >&2
}

sb_die() {
    sb_say "$@"
    exit 1
}

sb_is_root() {
    [ "$(id -u)" -eq 0 ]
}

# Runs a command with its output kept aside; shows the output only if the command fails.
sb_quietly() {
    local log status=0
    log="$(mktemp "${TMPDIR:-/tmp}/stretchbreak-setup.XXXXXX")"
    "$@" >"$log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        cat "$log" >&2
        sb_say "failed (exit $status): $*"
    fi
    rm -f "$log"
    return "$status"
}

# Prints, one per line, those of the given Debian packages that are not installed.
sb_missing_packages() {
    local installed
    # One dpkg-query call for all of them; unknown packages only make it complain on stderr.
    installed="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true)"
    local pkg
    for pkg in "$@"; do
        if ! grep -qxF "$pkg installed" <<<"$installed"; then
            printf '%s\n' "$pkg"
        fi
    done
}

sb_ensure_packages() {
    if [ "$(uname -s)" != Linux ] || ! command -v dpkg-query >/dev/null 2>&1; then
        sb_say "not a Debian/Ubuntu system: not checking for the system packages ($*);" \
            "install their equivalents if something fails to start."
        return 0
    fi
    local missing
    missing="$(sb_missing_packages "$@" | tr '\n' ' ')"
    missing="${missing% }"
    if [ -z "$missing" ]; then
        return 0
    fi
    if ! sb_is_root; then
        sb_say "some system packages are missing. Install them with:"
        printf '    sudo apt-get install -y %s\n' "$missing" >&2
        exit 1
    fi
    sb_say "installing system packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    sb_quietly apt-get update -q
    # shellcheck disable=SC2086  # one word per package
    sb_quietly apt-get install -y -q --no-install-recommends $missing
    missing="$(sb_missing_packages "$@" | tr '\n' ' ')"
    if [ -n "${missing% }" ]; then
        sb_die "apt-get did not install: ${missing% }"
    fi
}

# True when the interpreter runs and is at least $SB_MIN_PYTHON.
sb_python_ok() {
    "$1" -c "import sys; sys.exit(sys.version_info < tuple(map(int, '$SB_MIN_PYTHON'.split('.'))))" \
        >/dev/null 2>&1
}

# Prints the first Python >= $SB_MIN_PYTHON on PATH, installing Debian's python3 as root if there is none.
sb_find_python() {
    local candidate
    for candidate in python3 python3.13 python3.12 python3.11; do
        if command -v "$candidate" >/dev/null 2>&1 && sb_python_ok "$candidate"; then
            command -v "$candidate"
            return 0
        fi
    done
    if ! command -v python3 >/dev/null 2>&1; then
        sb_ensure_packages python3 python3-venv >&2
        if sb_python_ok python3; then
            command -v python3
            return 0
        fi
    fi
    sb_die "stretchbreak needs Python $SB_MIN_PYTHON or newer; found none (tried python3, python3.13," \
        "python3.12, python3.11)."
}

sb_venv_ok() {
    [ -x "$SB_VENV/bin/python" ] && [ -x "$SB_VENV/bin/pip" ] && sb_python_ok "$SB_VENV/bin/python"
}

sb_ensure_venv() {
    if sb_venv_ok; then
        return 0
    fi
    local python
    python="$(sb_find_python)"
    # Debian and Ubuntu ship venv's pip bootstrap (ensurepip) separately, in python3-venv.
    if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        if ! sb_is_root; then
            sb_say "Python's venv module is missing. Install it with:"
            printf '    sudo apt-get install python3-venv\n' >&2
            exit 1
        fi
        sb_ensure_packages python3-venv
        "$python" -c 'import ensurepip, venv' >/dev/null 2>&1 ||
            sb_die "python3-venv is installed but $python still has no venv/ensurepip;" \
                "install the venv package for that Python (e.g. python3.X-venv)."
    fi
    if [ -e "$SB_VENV" ]; then
        sb_say "recreating the broken virtual environment in $SB_VENV"
        rm -rf "$SB_VENV"
    else
        sb_say "creating a virtual environment in $SB_VENV"
    fi
    sb_quietly "$python" -m venv "$SB_VENV"
}

# A hash of the contents of the given files and directories (bytecode caches left out).
sb_hash_inputs() {
    local existing=() path
    for path in "$@"; do
        [ -e "$path" ] && existing+=("$path")
    done
    {
        printf '%s\n' "$@"
        if [ "${#existing[@]}" -gt 0 ]; then
            find "${existing[@]}" -type f ! -name '*.pyc' ! -path '*/__pycache__/*' -print0 |
                LC_ALL=C sort -z | xargs -0 -r sha256sum
        fi
    } | sha256sum | cut -d' ' -f1
}

# sb_pip_install KEY PIP-INSTALL-ARGS...: installs unless the last install in .venv had the same KEY.
sb_pip_install() {
    local key="$1" stamp="$SB_VENV/.stretchbreak-install"
    shift
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then
        return 0
    fi
    rm -f "$stamp"
    sb_say "installing into .venv: pip install $*"
    sb_quietly "$SB_VENV/bin/python" -m pip install --quiet "$@"
    printf '%s\n' "$key" >"$stamp"
}
