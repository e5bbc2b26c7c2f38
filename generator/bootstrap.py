"""Create the project's virtual environment and run a task in it (standard library only: this
runs before the venv exists). `python3 -m generator.bootstrap --help` lists the tasks; what it
prints comes from the message catalogue, in the language OCOP_LANG names (Vietnamese by default).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from generator.messages import bootstrap_text, language

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
CHROMIUM = Path("/usr/bin/chromium")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # share cards, badges
RCLONE = Path("/usr/bin/rclone")  # `ocop upload`: photos to object storage
OFFICE = Path("/usr/bin/soffice")  # opens the CSV files as a spreadsheet would (tests)
PIP_AUDIT = "pip-audit==2.10.1"
EDITOR = ROOT / "editor"  # the browser editor's npm packages (package-lock.json)
EDITOR_SETTINGS = ROOT / "editor.yml"  # present when the office uses the editor


def _say(key: str, err: bool = False, **params: str) -> None:
    """Print one line of the set-up in the language OCOP_LANG names."""
    text = bootstrap_text(key, language(), **params)
    print(text, file=sys.stderr if err else sys.stdout, flush=True)


def _bin(name: str) -> str:
    return str(VENV / "bin" / name)


def _pip_install(*args: str) -> None:
    subprocess.run(
        [_bin("python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args],
        check=True,
    )


def _install_stamp() -> str:
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", LOCK):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_venv() -> None:
    """Create .venv and install the pinned dependencies when they changed."""
    marker = VENV / ".ocop-installed"
    stamp = _install_stamp()
    if marker.exists() and marker.read_text() == stamp:
        return
    if not (VENV / "bin" / "python").exists():
        _say("creating-venv")
        venv.create(VENV, with_pip=True)
    _say("installing")
    _pip_install("-c", str(LOCK), "-e", f"{ROOT}[test]")
    marker.write_text(stamp)


def ensure_editor_packages() -> None:
    """Install the editor's pinned npm packages (`npm ci`) when its lock file changed."""
    lock = EDITOR / "package-lock.json"
    marker = EDITOR / "node_modules" / ".ocop-installed"
    stamp = hashlib.sha256(lock.read_bytes()).hexdigest()
    if marker.exists() and marker.read_text() == stamp:
        return
    if shutil.which("npm") is None:
        ensure_debian_packages({"nodejs": Path("/usr/bin/node"), "npm": Path("/usr/bin/npm")})
    npm = shutil.which("npm")
    if npm is None:
        _say("no-npm", err=True)
        return
    _say("installing-editor")
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
        cwd=EDITOR,
        check=True,
    )
    marker.write_text(stamp)


def ensure_debian_packages(needed: dict[str, Path]) -> None:
    """Install the Debian packages whose marker file is missing, when we may (root, apt-get)."""
    missing = [package for package, marker in needed.items() if not marker.exists()]
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        _say("installing-debian", packages=", ".join(missing))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)
    else:
        _say("missing-debian", err=True, packages=" ".join(missing))


def _media_url() -> str:
    """The media address as the project's settings give it (read by the environment's Python,
    which has the YAML reader)."""
    read = "from generator.settings import Settings; print(Settings().media_url)"
    done = subprocess.run([_bin("python"), "-c", read], capture_output=True, text=True)
    return done.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    """Run one task: build, test, serve, or any other `ocop` command."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        _say("usage")
        return 0 if args else 2
    ensure_venv()
    task, rest = args[0], args[1:]
    os.chdir(ROOT)
    ensure_debian_packages({"fonts-dejavu-core": FONT})
    if task == "test" or EDITOR_SETTINGS.exists():
        ensure_editor_packages()  # the editor's test drives it; a build with it publishes it
    if task == "test":
        ensure_debian_packages(
            {"chromium": CHROMIUM, "rclone": RCLONE, "libreoffice-calc-nogui": OFFICE}
        )
        command = [_bin("python"), "-m", "pytest", *rest]
    elif task == "audit":
        # Needs the advisory data of PyPI (or OSV with `-s osv`) to be reachable.
        _pip_install(PIP_AUDIT)
        command = [_bin("pip-audit"), "--strict", "-r", str(LOCK), *rest]
    else:
        if task == "upload" and _media_url():  # nothing to upload: no rclone needed
            ensure_debian_packages({"rclone": RCLONE})
        command = [_bin("ocop"), task, *rest]
    return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(main())
