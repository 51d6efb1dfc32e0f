/* test-overlay.c: OverlayFS semantics (Linux overlayfs.rst)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-overlay.h"

/* lower1 (top) over lower2 (bottom), as lowerdir=lower1:lower2. */
static OslOverlay *
make_overlay (OslOverlayLayer **top_out,
              OslOverlayLayer **bottom_out)
{
  OslOverlayLayer *bottom = osl_overlay_layer_new ("base");
  OslOverlayLayer *top = osl_overlay_layer_new ("app");
  OslOverlayLayer *lowers[2] = { top, bottom };
  OslOverlay *overlay;

  osl_overlay_layer_add_file (bottom, "/etc/os-release", "Debian\n");
  osl_overlay_layer_add_file (bottom, "/etc/motd", "hello\n");
  osl_overlay_layer_add_file (bottom, "/data/big.bin", "0123456789");
  osl_overlay_layer_add_file (top, "/etc/motd", "welcome\n");
  osl_overlay_layer_add_file (top, "/app/index.html", "<h1>hi</h1>");
  overlay = osl_overlay_new (lowers, 2);
  if (top_out != NULL)
    *top_out = top;
  else
    osl_overlay_layer_unref (top);
  if (bottom_out != NULL)
    *bottom_out = bottom;
  else
    osl_overlay_layer_unref (bottom);
  return overlay;
}

static void
test_read_falls_through (void)
{
  g_autoptr(OslOverlay) overlay = make_overlay (NULL, NULL);
  g_autofree char *motd = NULL, *release = NULL;
  int layer = 99;

  motd = osl_overlay_read (overlay, "/etc/motd", &layer, NULL);
  g_assert_cmpstr (motd, ==, "welcome\n");     /* the top lower hides the bottom one */
  g_assert_cmpint (layer, ==, 0);
  release = osl_overlay_read (overlay, "/etc/os-release", &layer, NULL);
  g_assert_cmpstr (release, ==, "Debian\n");
  g_assert_cmpint (layer, ==, 1);
  g_assert_cmpuint (osl_overlay_layer_get_n_entries (osl_overlay_get_upper (overlay)), ==, 0);
}

static void
test_copy_up_whole_file (void)
{
  OslOverlayLayer *bottom;
  g_autoptr(OslOverlay) overlay = make_overlay (NULL, &bottom);
  g_autofree char *text = NULL;
  OslOverlayResult result;
  const OslOverlayEntry *upper_entry;

  g_assert_true (osl_overlay_write (overlay, "/data/big.bin", "!", TRUE, &result, NULL));
  g_assert_cmpint (result.change, ==, OSL_OVERLAY_CHANGE_COPIED_UP);
  g_assert_cmpuint (result.copied_bytes, ==, 10);   /* the whole file, not a block */
  g_assert_cmpint (result.from_layer, ==, 1);
  /* Parent directory first, then the file, in the upper layer. */
  g_assert_nonnull (osl_overlay_layer_lookup (osl_overlay_get_upper (overlay), "/data"));
  upper_entry = osl_overlay_layer_lookup (osl_overlay_get_upper (overlay), "/data/big.bin");
  g_assert_cmpstr (upper_entry->content, ==, "0123456789!");
  /* The image layer is unchanged. */
  g_assert_cmpstr (osl_overlay_layer_lookup (bottom, "/data/big.bin")->content, ==, "0123456789");
  g_assert_true (osl_overlay_write (overlay, "/data/big.bin", "x", FALSE, &result, NULL));
  g_assert_cmpint (result.change, ==, OSL_OVERLAY_CHANGE_MODIFIED);
  text = osl_overlay_read (overlay, "/data/big.bin", NULL, NULL);
  g_assert_cmpstr (text, ==, "x");
  osl_overlay_layer_unref (bottom);
}

static void
test_whiteout_and_opaque (void)
{
  g_autoptr(OslOverlay) overlay = make_overlay (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  OslOverlayResult result;
  const OslOverlayEntry *entry;

  g_assert_true (osl_overlay_remove (overlay, "/etc/motd", FALSE, &result, NULL));
  g_assert_cmpint (result.change, ==, OSL_OVERLAY_CHANGE_WHITEOUT);
  entry = osl_overlay_layer_lookup (osl_overlay_get_upper (overlay), "/etc/motd");
  g_assert_cmpint (entry->kind, ==, OSL_OVERLAY_WHITEOUT);
  g_assert_null (osl_overlay_read (overlay, "/etc/motd", NULL, &error));
  g_assert_error (error, OSL_OVERLAY_ERROR, OSL_OVERLAY_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "/etc/motd: No such file or directory");
  names = osl_overlay_list (overlay, "/etc", NULL);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "os-release");
  g_clear_pointer (&names, g_ptr_array_unref);

  /* A directory: not empty without -r; with -r the name is whited out. */
  g_clear_error (&error);
  g_assert_false (osl_overlay_remove (overlay, "/data", FALSE, NULL, &error));
  g_assert_error (error, OSL_OVERLAY_ERROR, OSL_OVERLAY_ERROR_NOT_EMPTY);
  g_assert_true (osl_overlay_remove (overlay, "/data", TRUE, &result, NULL));
  g_assert_cmpint (result.change, ==, OSL_OVERLAY_CHANGE_WHITEOUT);
  g_assert_null (osl_overlay_lookup (overlay, "/data/big.bin", NULL, NULL));
  /* Re-created: opaque, so the old lower contents stay hidden. */
  g_assert_true (osl_overlay_mkdir (overlay, "/data", &result, NULL));
  g_assert_cmpint (result.change, ==, OSL_OVERLAY_CHANGE_OPAQUE);
  g_assert_true (osl_overlay_layer_lookup (osl_overlay_get_upper (overlay), "/data")->opaque);
  names = osl_overlay_list (overlay, "/data", NULL);
  g_assert_cmpuint (names->len, ==, 0);

  /* A file that only ever lived in the upper layer just goes away. */
  osl_overlay_write (overlay, "/tmp.txt", "x", FALSE, NULL, NULL);
  g_assert_true (osl_overlay_remove (overlay, "/tmp.txt", FALSE, &result, NULL));
  g_assert_cmpint (result.change, ==, OSL_OVERLAY_CHANGE_DELETED);
  g_assert_null (osl_overlay_layer_lookup (osl_overlay_get_upper (overlay), "/tmp.txt"));
}

/* readdir: upper names first, then lower names, duplicates skipped. */
static void
test_merged_listing (void)
{
  g_autoptr(OslOverlay) overlay = make_overlay (NULL, NULL);
  g_autoptr(GPtrArray) names = NULL;

  osl_overlay_write (overlay, "/etc/zz.conf", "z", FALSE, NULL, NULL);
  names = osl_overlay_list (overlay, "/etc", NULL);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (names->pdata[0], ==, "zz.conf");
  g_assert_cmpstr (names->pdata[1], ==, "motd");
  g_assert_cmpstr (names->pdata[2], ==, "os-release");
  g_clear_pointer (&names, g_ptr_array_unref);
  names = osl_overlay_list (overlay, "/", NULL);
  g_assert_cmpuint (names->len, ==, 3);   /* etc, app, data */
}

static void
test_rename_directory_exdev (void)
{
  g_autoptr(OslOverlay) overlay = make_overlay (NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (osl_overlay_rename (overlay, "/app", "/srv", NULL, &error));
  g_assert_error (error, OSL_OVERLAY_ERROR, OSL_OVERLAY_ERROR_CROSS_DEVICE);
  g_assert_cmpstr (error->message, ==, "/app: Invalid cross-device link");
  g_clear_error (&error);
  osl_overlay_mkdir (overlay, "/new", NULL, NULL);
  g_assert_true (osl_overlay_rename (overlay, "/new", "/newer", NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (osl_overlay_lookup (overlay, "/newer", NULL, NULL));
}

/* Two containers share the image layers; each has its own upper. */
static void
test_shared_layers_and_commit (void)
{
  OslOverlayLayer *top, *bottom;
  g_autoptr(OslOverlay) first = make_overlay (&top, &bottom);
  OslOverlayLayer *lowers[2] = { top, bottom };
  g_autoptr(OslOverlay) second = osl_overlay_new (lowers, 2);
  g_autofree char *seen = NULL;
  g_autoptr(OslOverlayLayer) committed = NULL;
  g_autofree char *digest_a = NULL, *digest_b = NULL;

  g_assert_true (osl_overlay_get_lower (first, 1) == osl_overlay_get_lower (second, 1));
  osl_overlay_write (first, "/etc/motd", "changed\n", FALSE, NULL, NULL);
  seen = osl_overlay_read (second, "/etc/motd", NULL, NULL);
  g_assert_cmpstr (seen, ==, "welcome\n");
  committed = osl_overlay_layer_copy (osl_overlay_get_upper (first), "commit");
  g_assert_cmpstr (osl_overlay_layer_lookup (committed, "/etc/motd")->content, ==, "changed\n");
  g_assert_cmpuint (osl_overlay_layer_get_size (committed), ==, strlen ("changed\n"));
  digest_a = osl_overlay_layer_digest (committed);
  digest_b = osl_overlay_layer_digest (osl_overlay_get_upper (first));
  g_assert_cmpstr (digest_a, ==, digest_b);
  osl_overlay_layer_unref (top);
  osl_overlay_layer_unref (bottom);
}

static void
test_bad_paths (void)
{
  g_autoptr(OslOverlay) overlay = make_overlay (NULL, NULL);
  const char *bad[] = { "", "etc", "/etc/", "//etc", "/etc/../x", "/./etc", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_null (osl_overlay_read (overlay, bad[i], NULL, &error));
      g_assert_error (error, OSL_OVERLAY_ERROR, OSL_OVERLAY_ERROR_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (osl_overlay_write (overlay, "/etc/motd/x", "x", FALSE, NULL, &error));
    g_assert_error (error, OSL_OVERLAY_ERROR, OSL_OVERLAY_ERROR_NOT_DIR);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/overlay/read-falls-through", test_read_falls_through);
  g_test_add_func ("/overlay/copy-up-whole-file", test_copy_up_whole_file);
  g_test_add_func ("/overlay/whiteout-and-opaque", test_whiteout_and_opaque);
  g_test_add_func ("/overlay/merged-listing", test_merged_listing);
  g_test_add_func ("/overlay/rename-directory-exdev", test_rename_directory_exdev);
  g_test_add_func ("/overlay/shared-layers-and-commit", test_shared_layers_and_commit);
  g_test_add_func ("/overlay/bad-paths", test_bad_paths);
  return g_test_run ();
}
