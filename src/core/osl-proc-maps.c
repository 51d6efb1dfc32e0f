/* osl-proc-maps.c: a process's memory map from /proc/PID/maps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "osl-proc-maps.h"

G_DEFINE_QUARK (osl-proc-maps-error-quark, osl_proc_maps_error)

static void
region_clear (gpointer data)
{
  OslMapRegion *region = data;

  g_free (region->path);
}

static OslRegionKind
classify (const OslMapRegion *region)
{
  if (g_str_equal (region->path, "[heap]"))
    return OSL_REGION_HEAP;
  if (g_str_has_prefix (region->path, "[stack"))
    return OSL_REGION_STACK;
  if (g_str_equal (region->path, "[vdso]") || g_str_equal (region->path, "[vvar]") ||
      g_str_equal (region->path, "[vsyscall]"))
    return OSL_REGION_KERNEL;
  if (region->path[0] == '\0' || region->path[0] == '[')
    return OSL_REGION_ANONYMOUS;
  return region->perms[2] == 'x' ? OSL_REGION_CODE : OSL_REGION_DATA;
}

static gboolean
parse_hex (const char  *text,
           char       **end,
           guint64     *value)
{
  if (!g_ascii_isxdigit (*text))
    return FALSE;
  *value = g_ascii_strtoull (text, end, 16);
  return TRUE;
}

static gboolean
parse_line (const char    *line,
            OslMapRegion  *region)
{
  char *p = (char *) line;

  if (!parse_hex (p, &p, &region->start) || *p++ != '-' ||
      !parse_hex (p, &p, &region->end) || *p++ != ' ' || region->end < region->start)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      if (strchr ("rwxsp-", *p) == NULL || *p == '\0')
        return FALSE;
      region->perms[i] = *p++;
    }
  region->perms[4] = '\0';
  if (*p++ != ' ' || !parse_hex (p, &p, &region->offset))
    return FALSE;
  /* device and inode */
  for (guint field = 0; field < 2; field++)
    {
      while (*p == ' ')
        p++;
      if (*p == '\0')
        return FALSE;
      while (*p != ' ' && *p != '\0')
        p++;
    }
  while (*p == ' ')
    p++;
  region->path = g_strdup (p);
  region->kind = classify (region);
  return TRUE;
}

/* Parses the text of /proc/PID/maps: one region per line. */
GArray *
osl_proc_maps_parse (const char  *text,
                     GError     **error)
{
  g_autoptr(GArray) regions = g_array_new (FALSE, TRUE, sizeof (OslMapRegion));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_array_set_clear_func (regions, region_clear);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      OslMapRegion region = { 0 };

      if (lines[i][0] == '\0')
        continue;
      if (!parse_line (lines[i], &region))
        {
          g_autofree char *shown = g_utf8_make_valid (lines[i], MIN (strlen (lines[i]), 60));

          g_free (region.path);
          g_set_error (error, OSL_PROC_MAPS_ERROR, OSL_PROC_MAPS_ERROR_SYNTAX,
                       _("Line %u of the memory map, “%s”, is not “start-end perms offset dev inode path”."),
                       i + 1, shown);
          return NULL;
        }
      g_array_append_val (regions, region);
    }
  return g_steal_pointer (&regions);
}

GArray *
osl_proc_maps_read_self (GError **error)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/self/maps", &text, NULL, error))
    return NULL;
  return osl_proc_maps_parse (text, error);
}

const char *
osl_map_region_describe (const OslMapRegion *region)
{
  switch (region->kind)
    {
    case OSL_REGION_CODE:
      return _("program or library code");
    case OSL_REGION_DATA:
      return _("program or library data");
    case OSL_REGION_HEAP:
      return _("heap (malloc)");
    case OSL_REGION_STACK:
      return _("stack");
    case OSL_REGION_KERNEL:
      return _("mapped by the kernel for fast system calls");
    case OSL_REGION_ANONYMOUS:
    default:
      return _("anonymous memory");
    }
}
