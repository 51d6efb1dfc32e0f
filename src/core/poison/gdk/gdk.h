/* SPDX-License-Identifier: GPL-3.0-or-later */
#error "src/core is GLib-only: GTK, GDK, cairo and pango belong in src/diagram or src/app"
