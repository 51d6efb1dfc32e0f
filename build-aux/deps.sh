# Sourced by run.sh and test.sh: installs what OS Lens needs to build,
# run and test, on Debian/Ubuntu (apt-get) or Fedora (dnf).
# Usage: install_deps run|test

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

debian_packages_run="gcc pkg-config meson ninja-build libgtk-4-dev libjson-glib-dev gettext
  libglib2.0-dev-bin libglib2.0-bin desktop-file-utils fonts-cantarell fonts-dejavu-core
  adwaita-icon-theme hicolor-icon-theme"
debian_packages_test="xvfb xauth xdotool dbus-daemon appstream flatpak-builder python3 clang"

fedora_packages_run="gcc pkgconf-pkg-config meson ninja-build gtk4-devel json-glib-devel gettext
  glib2-devel desktop-file-utils abattis-cantarell-fonts dejavu-sans-fonts adwaita-icon-theme"
fedora_packages_test="xorg-x11-server-Xvfb xauth xdotool dbus-daemon appstream flatpak-builder python3 clang"

install_deps() {
  kind=$1
  if command -v apt-get >/dev/null 2>&1; then
    wanted="$debian_packages_run"
    [ "$kind" = test ] && wanted="$wanted $debian_packages_test"
    missing=""
    for p in $wanted; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
      echo "Installing:$missing"
      as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      # shellcheck disable=SC2086
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
    fi
  elif command -v dnf >/dev/null 2>&1; then
    wanted="$fedora_packages_run"
    [ "$kind" = test ] && wanted="$wanted $fedora_packages_test"
    # shellcheck disable=SC2086
    rpm -q $wanted >/dev/null 2>&1 || as_root dnf install -y $wanted
  else
    echo "Please install GTK 4 (>= 4.8), json-glib, meson, ninja and gettext with your package manager." >&2
  fi
}
