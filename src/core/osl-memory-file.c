/* osl-memory-file.c: a physical memory with its page tables, as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <inttypes.h>

#include "osl-address.h"
#include "osl-ept.h"
#include "osl-json-file.h"
#include "osl-memory-file.h"
#include "osl-ostep-options.h"
#include "osl-ostep-paging-linear.h"
#include "osl-ostep-paging-multilevel.h"
#include "osl-paging-private.h"

/* Following tables visits at most this many of them; more is not a
 * teaching example and would slow loading down. */
#define MAX_TABLES 4096

OslMemoryFile *
osl_memory_file_new (OslPagingMode mode)
{
  OslMemoryFile *self = g_new0 (OslMemoryFile, 1);

  osl_paging_config_init (&self->config, mode);
  self->mem = osl_phys_mem_new ();
  return self;
}

OslMemoryFile *
osl_memory_file_copy (const OslMemoryFile *self)
{
  OslMemoryFile *copy = g_memdup2 (self, sizeof *self);

  copy->mem = osl_phys_mem_copy (self->mem);
  return copy;
}

void
osl_memory_file_free (OslMemoryFile *self)
{
  if (self == NULL)
    return;
  osl_phys_mem_free (self->mem);
  g_free (self);
}

guint
osl_memory_file_entry_size (const OslMemoryFile *self)
{
  return self->nested ? 8 : osl_paging_entry_size (&self->config);
}

/* A short, valid UTF-8 copy of what the file said, for a message. */
static char *
shown_text (const char *text)
{
  return g_utf8_make_valid (text, MIN (strlen (text), 40));
}

/* A hexadecimal member: "0x…" and nothing else. */
static gboolean
get_hex_member (JsonObject  *object,
                const char  *member,
                const char  *where,
                guint64     *value,
                GError     **error)
{
  const char *text;
  g_autoptr(GError) local = NULL;

  if (!osl_json_object_get_string_member_checked (object, member, NULL, &text, error))
    return FALSE;
  if (text == NULL)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("%s has no “%s”; write it as a hexadecimal string like \"0x1000\"."), where, member);
      return FALSE;
    }
  if (!g_str_has_prefix (text, "0x") && !g_str_has_prefix (text, "0X"))
    {
      g_autofree char *shown = shown_text (text);

      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("“%s” in %s is not hexadecimal: write it with 0x, e.g. \"0x1000\"."), shown, member);
      return FALSE;
    }
  if (!osl_address_parse_number (text, value, &local))
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   "%s (%s)", local->message, member);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_mode_member (JsonObject    *object,
                 const char    *member,
                 OslPagingMode *mode,
                 GError       **error)
{
  const char *name;

  if (!osl_json_object_get_string_member_checked (object, member, NULL, &name, error))
    return FALSE;
  if (name == NULL || !osl_paging_mode_from_string (name, mode) || *mode == OSL_PAGING_TEXTBOOK)
    {
      g_autofree char *shown = shown_text (name != NULL ? name : "");

      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("“%s” is not a mode for “%s”: use x86-32, x86-32-pse, pae, x86-64 or x86-64-la57."),
                   shown, member);
      return FALSE;
    }
  return TRUE;
}

/* Physical memory ends at 4 GiB in the 32-bit modes (CR3 and the
 * entries hold 32-bit table addresses) and at 2^M otherwise. */
static guint64
memory_limit (const OslMemoryFile *self)
{
  if (!self->nested &&
      (self->config.mode == OSL_PAGING_X86_32 || self->config.mode == OSL_PAGING_X86_32_PSE))
    return G_GUINT64_CONSTANT (1) << 32;
  return G_GUINT64_CONSTANT (1) << self->config.maxphyaddr;
}

static gboolean
store_entry (OslMemoryFile  *self,
             JsonNode       *node,
             guint           number,
             GError        **error)
{
  guint width = osl_memory_file_entry_size (self);
  g_autofree char *where = g_strdup_printf (_("entry %u"), number);
  guint64 pa, value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("Entry %u is not an object like {\"pa\": \"0x…\", \"value\": \"0x…\"}."), number);
      return FALSE;
    }
  if (!get_hex_member (json_node_get_object (node), "pa", where, &pa, error) ||
      !get_hex_member (json_node_get_object (node), "value", where, &value, error))
    return FALSE;
  if (pa >= memory_limit (self) || pa + width > memory_limit (self))
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("Entry %u at 0x%" PRIX64 " is outside memory, which ends at 0x%" PRIX64 " in this mode."),
                   number, pa, memory_limit (self) - 1);
      return FALSE;
    }
  if (pa % width != 0)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("Entry %u at 0x%" PRIX64 " is not aligned: entries are %u bytes, so pa must be a multiple of %u."),
                   number, pa, width, width);
      return FALSE;
    }
  if (width < 8 && (value >> (8 * width)) != 0)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("Entry %u value 0x%" PRIX64 " does not fit in a %u-byte entry."),
                   number, value, width);
      return FALSE;
    }
  osl_phys_mem_write (self->mem, pa, width, value);
  return TRUE;
}

typedef struct
{
  const OslMemoryFile *file;
  GHashTable          *visited;    /* "level:table" of finished tables */
  guint64              path[OSL_WALK_MAX_STEPS];
  gboolean             guest;      /* following the guest's tables */
} TableWalk;

static gboolean
follow_tables (TableWalk  *tw,
               guint64     table,
               guint       level,
               GError    **error);

static guint
guest_table_entries (const OslPagingConfig *config,
                     guint                  level)
{
  if (config->mode == OSL_PAGING_X86_32 || config->mode == OSL_PAGING_X86_32_PSE)
    return 1024;
  return level == 0 && config->mode == OSL_PAGING_PAE ? 4 : 512;
}

static gboolean
table_loop_error (guint64   entry_pa,
                  guint64   target,
                  GError  **error)
{
  g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
               _("The entry at 0x%" PRIX64 " points back to the table at 0x%" PRIX64 ", which is above it in the walk: a table loop."),
               entry_pa, target);
  return FALSE;
}

static gboolean
follow_entry (TableWalk  *tw,
              guint64     entry_pa,
              guint64     entry,
              guint       level,
              GError    **error)
{
  guint64 next;

  if (tw->guest ? !_osl_paging_next_table (&tw->file->config, level, entry, &next)
                : !osl_ept_next_table (level, entry, &next))
    return TRUE;
  for (guint i = 0; i <= level; i++)
    if (tw->path[i] == next)
      return table_loop_error (entry_pa, next, error);
  return follow_tables (tw, next, level + 1, error);
}

static gboolean
follow_tables (TableWalk  *tw,
               guint64     table,
               guint       level,
               GError    **error)
{
  const OslMemoryFile *file = tw->file;
  guint width = tw->guest ? osl_paging_entry_size (&file->config) : 8;
  guint n_entries = tw->guest ? guest_table_entries (&file->config, level) : 512;
  char *key = g_strdup_printf ("%u:%" PRIx64, level, table);

  if (g_hash_table_contains (tw->visited, key) || g_hash_table_size (tw->visited) >= MAX_TABLES)
    {
      g_free (key);
      return TRUE;
    }
  g_hash_table_add (tw->visited, key);
  tw->path[level] = table;

  for (guint i = 0; i < n_entries; i++)
    {
      guint64 entry_pa = table + (guint64) i * width, host = entry_pa, entry;

      if (tw->guest && file->nested && !osl_ept_lookup (file->mem, file->eptp, entry_pa, &host))
        continue;
      if (!osl_phys_mem_has_frame (file->mem, host & ~(guint64) 0xFFF))
        return TRUE;
      entry = osl_phys_mem_read (file->mem, host, width);
      if (entry != 0 && !follow_entry (tw, host, entry, level, error))
        return FALSE;
    }
  return TRUE;
}

/* Refuses tables that point back to a table above them. Hardware would
 * happily walk such a loop (some kernels map their tables that way);
 * here it is almost always a typing mistake, and it would make the walk
 * diagram point back at itself. */
gboolean
osl_memory_file_check_tables (const OslMemoryFile  *self,
                              GError              **error)
{
  g_autoptr(GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  TableWalk tw = { self, visited, { 0 }, FALSE };
  guint64 cr3 = self->config.cr3;

  if (self->nested)
    {
      if (!follow_tables (&tw, self->eptp & G_GUINT64_CONSTANT (0x000FFFFFFFFFF000), 0, error))
        return FALSE;
      g_hash_table_remove_all (visited);
    }
  tw.guest = TRUE;
  if (self->config.mode == OSL_PAGING_X86_32 || self->config.mode == OSL_PAGING_X86_32_PSE)
    return follow_tables (&tw, cr3 & 0xFFFFF000, 0, error);
  if (self->config.mode == OSL_PAGING_PAE)
    return follow_tables (&tw, cr3 & 0xFFFFFFE0, 0, error);
  return follow_tables (&tw, cr3 & G_GUINT64_CONSTANT (0x000FFFFFFFFFF000), 0, error);
}

OslMemoryFile *
osl_memory_file_parse (const char  *data,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(OslMemoryFile) self = NULL;
  g_autoptr(GError) local = NULL;
  OslPagingMode mode;
  const char *mode_name;
  JsonArray *entries;

  root = osl_json_file_parse (data, length, OSL_MEMORY_FILE_FORMAT, 1, error);
  if (root == NULL)
    return NULL;
  if (!osl_json_object_get_string_member_checked (root, "mode", NULL, &mode_name, error))
    return NULL;
  self = osl_memory_file_new (OSL_PAGING_X86_32);
  if (g_strcmp0 (mode_name, "ept") == 0)
    {
      self->nested = TRUE;
      if (!get_mode_member (root, "guest_mode", &mode, error) ||
          !get_hex_member (root, "eptp", _("the file"), &self->eptp, error) ||
          !osl_ept_validate_eptp (self->eptp, error))
        return NULL;
    }
  else if (!get_mode_member (root, "mode", &mode, error))
    return NULL;
  self->config.mode = mode;
  if (!get_hex_member (root, "cr3", _("the file"), &self->config.cr3, error) ||
      !osl_json_object_get_bool_member_checked (root, "wp", TRUE, &self->config.wp, error) ||
      !osl_json_object_get_bool_member_checked (root, "nxe", TRUE, &self->config.nxe, error))
    return NULL;
  if (self->config.cr3 >= memory_limit (self))
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("cr3 0x%" PRIX64 " is outside memory, which ends at 0x%" PRIX64 " in this mode."),
                   self->config.cr3, memory_limit (self) - 1);
      return NULL;
    }
  /* No "entries" is an empty memory. */
  entries = osl_json_object_get_array_member_checked (root, "entries", OSL_MEMORY_FILE_MAX_ENTRIES, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    if (!store_entry (self, json_array_get_element (entries, i), i + 1, error))
      return NULL;
  if (!osl_memory_file_check_tables (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

OslMemoryFile *
osl_memory_file_load (const char  *path,
                      GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return osl_memory_file_parse (data, length, error);
}

static void
set_string_take (JsonObject *object,
                 const char *member,
                 char       *value)
{
  json_object_set_string_member (object, member, value);
  g_free (value);
}

static JsonObject *
to_object (const OslMemoryFile *self)
{
  JsonObject *root = osl_json_file_new_object (OSL_MEMORY_FILE_FORMAT, 1);
  g_autoptr(GArray) frames = osl_phys_mem_list_frames (self->mem);
  guint width = osl_memory_file_entry_size (self);
  JsonArray *entries = json_array_new ();

  if (self->nested)
    {
      json_object_set_string_member (root, "mode", "ept");
      json_object_set_string_member (root, "guest_mode", osl_paging_mode_to_string (self->config.mode));
      set_string_take (root, "eptp", osl_address_format (self->eptp, 64));
    }
  else
    json_object_set_string_member (root, "mode", osl_paging_mode_to_string (self->config.mode));
  set_string_take (root, "cr3", osl_address_format (self->config.cr3, width * 8));
  json_object_set_boolean_member (root, "wp", self->config.wp);
  json_object_set_boolean_member (root, "nxe", self->config.nxe);
  for (guint f = 0; f < frames->len; f++)
    for (guint64 pa = g_array_index (frames, guint64, f), end = pa + OSL_PHYS_FRAME_SIZE; pa < end; pa += width)
      {
        guint64 value = osl_phys_mem_read (self->mem, pa, width);
        JsonObject *entry;

        if (value == 0)
          continue;
        entry = json_object_new ();
        set_string_take (entry, "pa", osl_address_format (pa, width * 8));
        set_string_take (entry, "value", osl_address_format (value, width * 8));
        json_array_add_object_element (entries, entry);
      }
  json_object_set_array_member (root, "entries", entries);
  return root;
}

char *
osl_memory_file_to_data (const OslMemoryFile *self,
                         gsize               *length)
{
  g_autoptr(JsonObject) root = to_object (self);

  return osl_json_file_to_data (root, length);
}

gboolean
osl_memory_file_save (const OslMemoryFile  *self,
                      const char           *path,
                      GError              **error)
{
  g_autoptr(JsonObject) root = NULL;

  /* The file format has the x86 modes only; a file it could not open
   * again must not be written. */
  if (self->config.mode == OSL_PAGING_TEXTBOOK)
    {
      g_set_error_literal (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FORMAT,
                           _("A textbook (OSTEP) memory has no memory-file mode; keep its command line, which Paste OSTEP command opens again."));
      return FALSE;
    }
  root = to_object (self);
  return osl_json_file_save (path, root, error);
}

/* paging-linear-translate.py keeps its one table outside the memory it
 * simulates (in the MMU, as far as the exercise goes); here it sits in
 * the first page above that memory, so that the walk can read it. */
static OslMemoryFile *
from_ostep_linear (const char  *command_line,
                   GArray      *addresses,
                   char       **questions,
                   GError     **error)
{
  g_auto(OslOstepPagingLinear) problem = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  OslMemoryFile *self;
  guint64 n_pages, table;
  guint index_bits = 0;

  if (!osl_ostep_paging_linear_parse_command_line (command_line, &problem, error))
    return NULL;
  if (problem.page_table == NULL)
    {
      g_propagate_error (error, g_error_copy (problem.defect));
      return NULL;
    }
  n_pages = problem.address_space_size / problem.page_size;
  while ((G_GUINT64_CONSTANT (1) << index_bits) < n_pages)
    index_bits++;
  self = osl_memory_file_new (OSL_PAGING_TEXTBOOK);
  self->config.textbook.n_levels = 1;
  self->config.textbook.index_bits[0] = MAX (index_bits, 1);
  self->config.textbook.offset_bits = problem.page_bits;
  self->config.textbook.entry_size = 4;
  self->config.textbook.valid_bit = 31;
  self->config.textbook.pfn_mask = OSL_OSTEP_LINEAR_PTE_VALID - 1;
  if (!osl_paging_validate_textbook (&self->config.textbook, error))
    {
      osl_memory_file_free (self);
      return NULL;
    }
  table = (problem.physical_memory_size + problem.page_size - 1) / problem.page_size * problem.page_size;
  self->config.cr3 = table;
  for (guint i = 0; i < problem.n_pages; i++)
    osl_phys_mem_write (self->mem, table + 4 * (guint64) i, 4, problem.page_table[i]);
  for (guint i = 0; i < problem.n_addresses; i++)
    if (problem.addresses[i] >= 0 && problem.addresses[i] < problem.address_space_size)
      {
        guint64 va = problem.addresses[i];

        g_array_append_val (addresses, va);
      }
  osl_ostep_paging_linear_print (&problem, FALSE, out, NULL);
  *questions = g_strdup (out->str);
  return self;
}

/* paging-multilevel-translate.py fills all of its 4 KiB memory; the
 * page directory starts at PDBR × 32. */
static OslMemoryFile *
from_ostep_multilevel (const char  *command_line,
                       GArray      *addresses,
                       char       **questions,
                       GError     **error)
{
  g_auto(OslOstepPagingMultilevel) problem = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  OslMemoryFile *self;

  if (!osl_ostep_paging_multilevel_parse_command_line (command_line, &problem, error))
    return NULL;
  self = osl_memory_file_new (OSL_PAGING_TEXTBOOK);
  self->config.textbook.n_levels = 2;
  self->config.textbook.index_bits[0] = 5;
  self->config.textbook.index_bits[1] = 5;
  self->config.textbook.offset_bits = 5;
  self->config.textbook.entry_size = 1;
  self->config.textbook.valid_bit = 7;
  self->config.textbook.pfn_mask = OSL_OSTEP_MULTILEVEL_ENTRY_UNUSED;
  self->config.cr3 = (guint64) problem.pdbr * OSL_OSTEP_MULTILEVEL_PAGE_SIZE;
  for (guint pa = 0; pa < OSL_OSTEP_MULTILEVEL_MEMORY_SIZE; pa++)
    osl_phys_mem_write_u8 (self->mem, pa, problem.memory[pa]);
  for (guint i = 0; i < problem.n_addresses; i++)
    {
      guint64 va = problem.addresses[i];

      g_array_append_val (addresses, va);
    }
  osl_ostep_paging_multilevel_print (&problem, FALSE, out, NULL);
  *questions = g_strdup (out->str);
  return self;
}

/**
 * osl_memory_file_new_from_ostep:
 * @command_line: a pasted invocation of paging-linear-translate.py or
 *   paging-multilevel-translate.py, options and seed included
 * @addresses: (out): a new GArray of guint64, the addresses to translate
 * @questions: (out): what the simulator prints without -c
 *
 * Builds the memory the simulator draws, in textbook mode, so that each
 * of its questions can be walked.
 */
OslMemoryFile *
osl_memory_file_new_from_ostep (const char  *command_line,
                                GArray     **addresses,
                                char       **questions,
                                GError     **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint64));
  OslMemoryFile *self;

  if (strstr (command_line, "paging-multilevel-translate") != NULL)
    {
      self = from_ostep_multilevel (command_line, found, questions, error);
      if (self == NULL)
        osl_ostep_options_explain_refusal (error, "paging-multilevel-translate.py");
    }
  else if (strstr (command_line, "paging-linear-translate") != NULL)
    {
      self = from_ostep_linear (command_line, found, questions, error);
      if (self == NULL)
        osl_ostep_options_explain_refusal (error, "paging-linear-translate.py");
    }
  else
    {
      g_set_error (error, OSL_PAGING_ERROR, OSL_PAGING_ERROR_INVALID,
                   _("The command runs neither paging-linear-translate.py nor paging-multilevel-translate.py."));
      return NULL;
    }
  if (self != NULL)
    *addresses = g_steal_pointer (&found);
  return self;
}
