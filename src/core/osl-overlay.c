/* osl-overlay.c: OverlayFS, the copy-on-write filesystem under a container
 *
 * Layers are maps from absolute paths to entries; a layer lists every
 * directory it holds explicitly, as an upper directory on disk would.
 * Layer indices: OSL_OVERLAY_UPPER (−1) is the writable layer, 0 is the
 * top lower layer and n−1 the bottom one (lowerdir=top:…:bottom).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "osl-overlay.h"

struct _OslOverlayLayer
{
  gatomicrefcount  ref_count;
  char            *label;
  GHashTable      *entries;   /* path → OslOverlayEntry */
};

struct _OslOverlay
{
  GPtrArray       *lowers;    /* OslOverlayLayer, top first */
  OslOverlayLayer *upper;
};

/* Where a name resolved: its entry, the layer it came from, and for a
 * directory the range of layers whose copies of it merge. */
typedef struct
{
  const OslOverlayEntry *entry;
  int                    layer;
  int                    top;
  int                    bottom;
} Resolved;

G_DEFINE_QUARK (osl-overlay-error-quark, osl_overlay_error)

static void
entry_free (gpointer data)
{
  OslOverlayEntry *entry = data;

  g_free (entry->content);
  g_free (entry);
}

static OslOverlayEntry *
entry_new (OslOverlayKind  kind,
           const char     *content)
{
  OslOverlayEntry *entry = g_new0 (OslOverlayEntry, 1);

  entry->kind = kind;
  entry->content = g_strdup (content);
  return entry;
}

static void
set_errno_error (GError          **error,
                 OslOverlayError   code,
                 const char       *path)
{
  static const char *const texts[] = {
    [OSL_OVERLAY_ERROR_NOT_FOUND] = N_("No such file or directory"),
    [OSL_OVERLAY_ERROR_NOT_DIR] = N_("Not a directory"),
    [OSL_OVERLAY_ERROR_IS_DIR] = N_("Is a directory"),
    [OSL_OVERLAY_ERROR_EXISTS] = N_("File exists"),
    [OSL_OVERLAY_ERROR_NOT_EMPTY] = N_("Directory not empty"),
    [OSL_OVERLAY_ERROR_CROSS_DEVICE] = N_("Invalid cross-device link"),
    [OSL_OVERLAY_ERROR_INVALID] = N_("not an absolute path"),
  };

  g_set_error (error, OSL_OVERLAY_ERROR, code, "%s: %s", path, _(texts[code]));
}

/* Accepts "/a/b" style paths only; "..", "." and empty components would
 * let a path escape or alias, which the simulation has no use for. */
static gboolean
check_path (const char  *path,
            GError     **error)
{
  if (path == NULL || path[0] != '/' || (path[1] != '\0' && g_str_has_suffix (path, "/")) ||
      strstr (path, "//") != NULL || strstr (path, "/./") != NULL || strstr (path, "/../") != NULL ||
      g_str_has_suffix (path, "/.") || g_str_has_suffix (path, "/.."))
    {
      set_errno_error (error, OSL_OVERLAY_ERROR_INVALID, path != NULL ? path : "");
      return FALSE;
    }
  return TRUE;
}

static char *
parent_of (const char *path)
{
  const char *slash = strrchr (path, '/');

  if (slash == path)
    return g_strdup ("/");
  return g_strndup (path, slash - path);
}

static gboolean
is_child_of (const char *path,
             const char *dir)
{
  gsize n = strlen (dir);

  if (g_str_equal (dir, "/"))
    return path[0] == '/' && path[1] != '\0' && strchr (path + 1, '/') == NULL;
  return strncmp (path, dir, n) == 0 && path[n] == '/' && strchr (path + n + 1, '/') == NULL;
}

static gboolean
is_below (const char *path,
          const char *dir)
{
  gsize n = strlen (dir);

  return strncmp (path, dir, n) == 0 && path[n] == '/';
}

OslOverlayLayer *
osl_overlay_layer_new (const char *label)
{
  OslOverlayLayer *layer = g_new0 (OslOverlayLayer, 1);

  g_atomic_ref_count_init (&layer->ref_count);
  layer->label = g_strdup (label);
  layer->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  return layer;
}

OslOverlayLayer *
osl_overlay_layer_ref (OslOverlayLayer *layer)
{
  g_return_val_if_fail (layer != NULL, NULL);
  g_atomic_ref_count_inc (&layer->ref_count);
  return layer;
}

void
osl_overlay_layer_unref (OslOverlayLayer *layer)
{
  g_return_if_fail (layer != NULL);
  if (!g_atomic_ref_count_dec (&layer->ref_count))
    return;
  g_hash_table_unref (layer->entries);
  g_free (layer->label);
  g_free (layer);
}

const char *
osl_overlay_layer_get_label (OslOverlayLayer *layer)
{
  return layer->label;
}

static void
layer_put (OslOverlayLayer *layer,
           const char      *path,
           OslOverlayEntry *entry)
{
  g_hash_table_replace (layer->entries, g_strdup (path), entry);
}

/* Image layers are built bottom-up; like a tar layer they hold the
 * directories leading to each file. */
void
osl_overlay_layer_add_dir (OslOverlayLayer *layer,
                           const char      *path)
{
  g_autofree char *parent = NULL;

  g_return_if_fail (check_path (path, NULL));
  if (g_str_equal (path, "/") || g_hash_table_contains (layer->entries, path))
    return;
  parent = parent_of (path);
  osl_overlay_layer_add_dir (layer, parent);
  layer_put (layer, path, entry_new (OSL_OVERLAY_DIR, NULL));
}

void
osl_overlay_layer_add_file (OslOverlayLayer *layer,
                            const char      *path,
                            const char      *content)
{
  g_autofree char *parent = NULL;

  g_return_if_fail (check_path (path, NULL) && !g_str_equal (path, "/"));
  parent = parent_of (path);
  osl_overlay_layer_add_dir (layer, parent);
  layer_put (layer, path, entry_new (OSL_OVERLAY_FILE, content));
}

const OslOverlayEntry *
osl_overlay_layer_lookup (OslOverlayLayer *layer,
                          const char      *path)
{
  return g_hash_table_lookup (layer->entries, path);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, so that drawings and digests do not depend on hashing. */
GPtrArray *
osl_overlay_layer_list_paths (OslOverlayLayer *layer)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, layer->entries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, g_strdup (key));
  g_ptr_array_sort (paths, compare_strings);
  return paths;
}

guint
osl_overlay_layer_get_n_entries (OslOverlayLayer *layer)
{
  return g_hash_table_size (layer->entries);
}

gsize
osl_overlay_layer_get_size (OslOverlayLayer *layer)
{
  GHashTableIter iter;
  gpointer value;
  gsize size = 0;

  g_hash_table_iter_init (&iter, layer->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const OslOverlayEntry *entry = value;
      if (entry->kind == OSL_OVERLAY_FILE && entry->content != NULL)
        size += strlen (entry->content);
    }
  return size;
}

/* docker commit: the container's upper layer, frozen as a new layer. */
OslOverlayLayer *
osl_overlay_layer_copy (OslOverlayLayer *layer,
                        const char      *label)
{
  OslOverlayLayer *copy = osl_overlay_layer_new (label);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, layer->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const OslOverlayEntry *entry = value;
      OslOverlayEntry *dup = entry_new (entry->kind, entry->content);

      dup->opaque = entry->opaque;
      layer_put (copy, key, dup);
    }
  return copy;
}

/* A content digest: equal layers get equal ids, as in a registry. */
char *
osl_overlay_layer_digest (OslOverlayLayer *layer)
{
  g_autoptr(GPtrArray) paths = osl_overlay_layer_list_paths (layer);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < paths->len; i++)
    {
      const OslOverlayEntry *entry = osl_overlay_layer_lookup (layer, paths->pdata[i]);
      char header[3] = { '0' + entry->kind, entry->opaque ? 'o' : '-', '\n' };

      g_checksum_update (checksum, (const guchar *) paths->pdata[i], -1);
      g_checksum_update (checksum, (const guchar *) header, sizeof header);
      if (entry->content != NULL)
        g_checksum_update (checksum, (const guchar *) entry->content, -1);
      g_checksum_update (checksum, (const guchar *) "\0", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

OslOverlay *
osl_overlay_new (OslOverlayLayer **lowers,
                 guint             n_lowers)
{
  OslOverlay *overlay = g_new0 (OslOverlay, 1);

  overlay->lowers = g_ptr_array_new_with_free_func ((GDestroyNotify) osl_overlay_layer_unref);
  for (guint i = 0; i < n_lowers; i++)
    g_ptr_array_add (overlay->lowers, osl_overlay_layer_ref (lowers[i]));
  overlay->upper = osl_overlay_layer_new (_("container layer"));
  return overlay;
}

void
osl_overlay_free (OslOverlay *overlay)
{
  if (overlay == NULL)
    return;
  g_ptr_array_unref (overlay->lowers);
  osl_overlay_layer_unref (overlay->upper);
  g_free (overlay);
}

guint
osl_overlay_get_n_lowers (OslOverlay *overlay)
{
  return overlay->lowers->len;
}

OslOverlayLayer *
osl_overlay_get_lower (OslOverlay *overlay,
                       guint       index)
{
  g_return_val_if_fail (index < overlay->lowers->len, NULL);
  return overlay->lowers->pdata[index];
}

OslOverlayLayer *
osl_overlay_get_upper (OslOverlay *overlay)
{
  return overlay->upper;
}

static OslOverlayLayer *
layer_at (OslOverlay *overlay,
          int         index)
{
  return index == OSL_OVERLAY_UPPER ? overlay->upper : overlay->lowers->pdata[index];
}

static const OslOverlayEntry *
topmost_entry (OslOverlay  *overlay,
               const char  *path,
               int          top,
               int          bottom,
               int         *found)
{
  for (int i = top; i <= bottom; i++)
    {
      const OslOverlayEntry *entry = osl_overlay_layer_lookup (layer_at (overlay, i), path);
      if (entry != NULL)
        {
          *found = i;
          return entry;
        }
    }
  return NULL;
}

/* Below a directory found in layer @top, the same directory in lower
 * layers merges with it until one is opaque or a non-directory (a file
 * or a whiteout) hides the rest. */
static int
merge_bottom (OslOverlay            *overlay,
              const char            *path,
              const OslOverlayEntry *dir,
              int                    top,
              int                    bottom)
{
  int last = top;

  if (dir->opaque)
    return top;
  for (int j = top + 1; j <= bottom; j++)
    {
      const OslOverlayEntry *entry = osl_overlay_layer_lookup (layer_at (overlay, j), path);
      if (entry == NULL)
        continue;
      if (entry->kind != OSL_OVERLAY_DIR)
        break;
      last = j;
      if (entry->opaque)
        break;
    }
  return last;
}

static gboolean
resolve_from (OslOverlay  *overlay,
              const char  *path,
              int          first_layer,
              Resolved    *out,
              GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) prefix = g_string_new (NULL);
  static const OslOverlayEntry root = { OSL_OVERLAY_DIR, NULL, FALSE };
  int top = first_layer, bottom = (int) overlay->lowers->len - 1;

  if (!check_path (path, error))
    return FALSE;
  *out = (Resolved) { &root, top, top, bottom };
  if (g_str_equal (path, "/"))
    return TRUE;

  parts = g_strsplit (path + 1, "/", -1);
  for (guint k = 0; parts[k] != NULL; k++)
    {
      const OslOverlayEntry *entry;
      int found = 0;

      g_string_append_printf (prefix, "/%s", parts[k]);
      entry = topmost_entry (overlay, prefix->str, top, bottom, &found);
      if (entry == NULL || entry->kind == OSL_OVERLAY_WHITEOUT)
        {
          set_errno_error (error, OSL_OVERLAY_ERROR_NOT_FOUND, path);
          return FALSE;
        }
      if (entry->kind == OSL_OVERLAY_FILE)
        {
          if (parts[k + 1] != NULL)
            {
              set_errno_error (error, OSL_OVERLAY_ERROR_NOT_DIR, path);
              return FALSE;
            }
          *out = (Resolved) { entry, found, found, found };
          return TRUE;
        }
      bottom = merge_bottom (overlay, prefix->str, entry, found, bottom);
      top = found;
      *out = (Resolved) { entry, found, top, bottom };
    }
  return TRUE;
}

const OslOverlayEntry *
osl_overlay_lookup (OslOverlay  *overlay,
                    const char  *path,
                    int         *layer_out,
                    GError     **error)
{
  Resolved r;

  if (!resolve_from (overlay, path, OSL_OVERLAY_UPPER, &r, error))
    return NULL;
  if (layer_out != NULL)
    *layer_out = r.layer;
  return r.entry;
}

char *
osl_overlay_read (OslOverlay  *overlay,
                  const char  *path,
                  int         *layer_out,
                  GError     **error)
{
  Resolved r;

  if (!resolve_from (overlay, path, OSL_OVERLAY_UPPER, &r, error))
    return NULL;
  if (r.entry->kind == OSL_OVERLAY_DIR)
    {
      set_errno_error (error, OSL_OVERLAY_ERROR_IS_DIR, path);
      return NULL;
    }
  if (layer_out != NULL)
    *layer_out = r.layer;
  return g_strdup (r.entry->content != NULL ? r.entry->content : "");
}

/* readdir of a merged directory: upper names first, then each lower's,
 * duplicates skipped, whiteouts hidden along with what they cover. */
GPtrArray *
osl_overlay_list (OslOverlay  *overlay,
                  const char  *dir,
                  GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *names;
  Resolved r;

  if (!resolve_from (overlay, dir, OSL_OVERLAY_UPPER, &r, error))
    return NULL;
  if (r.entry->kind != OSL_OVERLAY_DIR)
    {
      set_errno_error (error, OSL_OVERLAY_ERROR_NOT_DIR, dir);
      return NULL;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  for (int i = r.top; i <= r.bottom; i++)
    {
      OslOverlayLayer *layer = layer_at (overlay, i);
      g_autoptr(GPtrArray) paths = osl_overlay_layer_list_paths (layer);

      for (guint p = 0; p < paths->len; p++)
        {
          const char *path = paths->pdata[p];
          const char *name = strrchr (path, '/') + 1;

          if (!is_child_of (path, dir) || g_hash_table_contains (seen, name))
            continue;
          g_hash_table_add (seen, g_strdup (name));
          if (osl_overlay_layer_lookup (layer, path)->kind != OSL_OVERLAY_WHITEOUT)
            g_ptr_array_add (names, g_strdup (name));
        }
    }
  return names;
}

/* Copy-up step 1: the parent directories appear in the upper layer. */
static void
ensure_upper_parents (OslOverlay *overlay,
                      const char *path)
{
  g_autofree char *parent = parent_of (path);
  const OslOverlayEntry *entry;

  if (g_str_equal (parent, "/"))
    return;
  entry = osl_overlay_layer_lookup (overlay->upper, parent);
  if (entry != NULL && entry->kind == OSL_OVERLAY_DIR)
    return;
  ensure_upper_parents (overlay, parent);
  layer_put (overlay->upper, parent, entry_new (OSL_OVERLAY_DIR, NULL));
}

static gboolean
resolve_parent_dir (OslOverlay  *overlay,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *parent = parent_of (path);
  Resolved r;

  if (!resolve_from (overlay, parent, OSL_OVERLAY_UPPER, &r, error))
    {
      g_clear_error (error);
      set_errno_error (error, OSL_OVERLAY_ERROR_NOT_FOUND, path);
      return FALSE;
    }
  if (r.entry->kind != OSL_OVERLAY_DIR)
    {
      set_errno_error (error, OSL_OVERLAY_ERROR_NOT_DIR, path);
      return FALSE;
    }
  return TRUE;
}

static void
set_result (OslOverlayResult *result,
            OslOverlayChange  change,
            gsize             copied_bytes,
            int               from_layer)
{
  if (result != NULL)
    *result = (OslOverlayResult) { change, copied_bytes, from_layer };
}

gboolean
osl_overlay_write (OslOverlay        *overlay,
                   const char        *path,
                   const char        *content,
                   gboolean           append,
                   OslOverlayResult  *result,
                   GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  Resolved r;

  if (resolve_from (overlay, path, OSL_OVERLAY_UPPER, &r, &local_error))
    {
      g_autofree char *text = NULL;

      if (r.entry->kind == OSL_OVERLAY_DIR)
        {
          set_errno_error (error, OSL_OVERLAY_ERROR_IS_DIR, path);
          return FALSE;
        }
      text = append ? g_strconcat (r.entry->content, content, NULL) : g_strdup (content);
      if (r.layer == OSL_OVERLAY_UPPER)
        set_result (result, OSL_OVERLAY_CHANGE_MODIFIED, 0, OSL_OVERLAY_UPPER);
      else
        {
          /* Copy-up: parents, then the whole file, then the change. */
          ensure_upper_parents (overlay, path);
          set_result (result, OSL_OVERLAY_CHANGE_COPIED_UP, strlen (r.entry->content), r.layer);
        }
      layer_put (overlay->upper, path, entry_new (OSL_OVERLAY_FILE, text));
      return TRUE;
    }
  if (!g_error_matches (local_error, OSL_OVERLAY_ERROR, OSL_OVERLAY_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!resolve_parent_dir (overlay, path, error))
    return FALSE;
  ensure_upper_parents (overlay, path);
  layer_put (overlay->upper, path, entry_new (OSL_OVERLAY_FILE, content));
  set_result (result, OSL_OVERLAY_CHANGE_CREATED, 0, OSL_OVERLAY_UPPER);
  return TRUE;
}

gboolean
osl_overlay_mkdir (OslOverlay        *overlay,
                   const char        *path,
                   OslOverlayResult  *result,
                   GError           **error)
{
  const OslOverlayEntry *old;
  OslOverlayEntry *dir;
  Resolved r;

  if (resolve_from (overlay, path, OSL_OVERLAY_UPPER, &r, NULL))
    {
      set_errno_error (error, OSL_OVERLAY_ERROR_EXISTS, path);
      return FALSE;
    }
  if (!check_path (path, error) || !resolve_parent_dir (overlay, path, error))
    return FALSE;
  old = osl_overlay_layer_lookup (overlay->upper, path);
  ensure_upper_parents (overlay, path);
  dir = entry_new (OSL_OVERLAY_DIR, NULL);
  /* Re-created over a whiteout: opaque, so the old lower contents stay hidden. */
  dir->opaque = old != NULL && old->kind == OSL_OVERLAY_WHITEOUT;
  layer_put (overlay->upper, path, dir);
  set_result (result, dir->opaque ? OSL_OVERLAY_CHANGE_OPAQUE : OSL_OVERLAY_CHANGE_CREATED,
              0, OSL_OVERLAY_UPPER);
  return TRUE;
}

static gboolean
lower_has (OslOverlay *overlay,
           const char *path)
{
  Resolved r;

  return overlay->lowers->len > 0 && resolve_from (overlay, path, 0, &r, NULL);
}

static void
drop_upper_subtree (OslOverlay *overlay,
                    const char *path)
{
  g_autoptr(GPtrArray) paths = osl_overlay_layer_list_paths (overlay->upper);

  for (guint i = 0; i < paths->len; i++)
    if (is_below (paths->pdata[i], path))
      g_hash_table_remove (overlay->upper->entries, paths->pdata[i]);
}

gboolean
osl_overlay_remove (OslOverlay        *overlay,
                    const char        *path,
                    gboolean           recursive,
                    OslOverlayResult  *result,
                    GError           **error)
{
  Resolved r;

  if (!resolve_from (overlay, path, OSL_OVERLAY_UPPER, &r, error))
    return FALSE;
  if (g_str_equal (path, "/"))
    {
      set_errno_error (error, OSL_OVERLAY_ERROR_IS_DIR, path);
      return FALSE;
    }
  if (r.entry->kind == OSL_OVERLAY_DIR)
    {
      g_autoptr(GPtrArray) children = osl_overlay_list (overlay, path, NULL);

      if (children->len > 0 && !recursive)
        {
          set_errno_error (error, OSL_OVERLAY_ERROR_NOT_EMPTY, path);
          return FALSE;
        }
      for (guint i = 0; i < children->len; i++)
        {
          g_autofree char *child = g_build_path ("/", path, children->pdata[i], NULL);
          if (!osl_overlay_remove (overlay, child, TRUE, NULL, error))
            return FALSE;
        }
      drop_upper_subtree (overlay, path);
    }
  if (lower_has (overlay, path))
    {
      ensure_upper_parents (overlay, path);
      layer_put (overlay->upper, path, entry_new (OSL_OVERLAY_WHITEOUT, NULL));
      set_result (result, OSL_OVERLAY_CHANGE_WHITEOUT, 0, OSL_OVERLAY_UPPER);
    }
  else
    {
      g_hash_table_remove (overlay->upper->entries, path);
      set_result (result, OSL_OVERLAY_CHANGE_DELETED, 0, OSL_OVERLAY_UPPER);
    }
  return TRUE;
}

gboolean
osl_overlay_rename (OslOverlay        *overlay,
                    const char        *from,
                    const char        *to,
                    OslOverlayResult  *result,
                    GError           **error)
{
  g_autofree char *content = NULL;
  OslOverlayResult written;
  Resolved r;

  if (!resolve_from (overlay, from, OSL_OVERLAY_UPPER, &r, error))
    return FALSE;
  if (r.entry->kind == OSL_OVERLAY_DIR)
    {
      g_autoptr(GPtrArray) paths = NULL;

      /* Without redirect_dir a lower or merged directory cannot move. */
      if (lower_has (overlay, from))
        {
          set_errno_error (error, OSL_OVERLAY_ERROR_CROSS_DEVICE, from);
          return FALSE;
        }
      if (resolve_from (overlay, to, OSL_OVERLAY_UPPER, &(Resolved) { 0 }, NULL))
        {
          set_errno_error (error, OSL_OVERLAY_ERROR_EXISTS, to);
          return FALSE;
        }
      if (!check_path (to, error) || !resolve_parent_dir (overlay, to, error))
        return FALSE;
      paths = osl_overlay_layer_list_paths (overlay->upper);
      for (guint i = 0; i < paths->len; i++)
        {
          const char *path = paths->pdata[i];
          g_autofree char *moved = NULL, *old_key = NULL;
          OslOverlayEntry *entry;

          if (!g_str_equal (path, from) && !is_below (path, from))
            continue;
          moved = g_strconcat (to, path + strlen (from), NULL);
          g_hash_table_steal_extended (overlay->upper->entries, path, (gpointer *) &old_key, (gpointer *) &entry);
          layer_put (overlay->upper, moved, entry);
        }
      ensure_upper_parents (overlay, to);
      set_result (result, OSL_OVERLAY_CHANGE_MODIFIED, 0, OSL_OVERLAY_UPPER);
      return TRUE;
    }
  content = g_strdup (r.entry->content);
  if (!osl_overlay_write (overlay, to, content, FALSE, &written, error))
    return FALSE;
  osl_overlay_remove (overlay, from, FALSE, NULL, NULL);
  if (r.layer == OSL_OVERLAY_UPPER)
    set_result (result, OSL_OVERLAY_CHANGE_MODIFIED, 0, OSL_OVERLAY_UPPER);
  else
    set_result (result, OSL_OVERLAY_CHANGE_COPIED_UP, strlen (content), r.layer);
  return TRUE;
}
