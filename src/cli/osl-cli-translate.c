/* osl-cli-translate.c: os-lens-cli translate, page walks in words or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <inttypes.h>

#include "osl-address.h"
#include "osl-cli-commands.h"
#include "osl-ept.h"
#include "osl-memory-file.h"

typedef struct
{
  OslMemoryFile *file;
  OslAccess      access;
  gboolean       json;
} Translate;

static gboolean
parse_access (const char    *name,
              OslAccessKind *kind)
{
  static const char *names[] = { "read", "write", "exec" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* Physical addresses: 8 digits in the 32-bit modes, 16 otherwise. */
static char *
format_pa (const Translate *t,
           guint64          pa)
{
  gboolean narrow = !t->file->nested && osl_paging_address_width (&t->file->config) == 32;

  return osl_address_format (pa, narrow ? 32 : 64);
}

static JsonNode *
hex_node (char *text)
{
  JsonNode *node = json_node_init_string (json_node_alloc (), text);

  g_free (text);
  return node;
}

static void
add_step (JsonArray  *steps,
          const char *level,
          guint       index,
          char       *entry_pa,
          char       *entry)
{
  JsonObject *step = json_object_new ();

  json_object_set_string_member (step, "level", level);
  json_object_set_int_member (step, "index", index);
  json_object_set_member (step, "entry_pa", hex_node (entry_pa));
  json_object_set_member (step, "entry", hex_node (entry));
  json_array_add_object_element (steps, step);
}

static void
print_json (const Translate *t,
            guint64          va,
            const OslWalk   *walk,
            const OslNestedWalk *nested,
            guint64          pa)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  JsonArray *steps = json_array_new ();
  gboolean ok = walk->fault == OSL_FAULT_NONE;
  guint va_width = osl_paging_address_width (&t->file->config);

  json_object_set_member (object, "va", hex_node (osl_address_format (va, va_width)));
  json_object_set_boolean_member (object, "ok", ok);
  if (ok)
    json_object_set_member (object, "pa", hex_node (format_pa (t, pa)));
  else
    json_object_set_null_member (object, "pa");
  if (ok)
    json_object_set_null_member (object, "fault");
  else
    json_object_set_string_member (object, "fault", osl_fault_to_string (walk->fault));
  if (walk->fault == OSL_FAULT_PF || walk->fault == OSL_FAULT_GP)
    json_object_set_int_member (object, "error_code", walk->error_code);
  else
    json_object_set_null_member (object, "error_code");
  if (nested != NULL)
    {
      json_object_set_int_member (object, "references", nested->n_refs);
      for (guint i = 0; i < nested->n_refs; i++)
        add_step (steps, nested->refs[i].level, nested->refs[i].index,
                  osl_address_format (nested->refs[i].entry_pa, 64),
                  osl_address_format (nested->refs[i].entry, nested->refs[i].guest ? walk->steps[0].entry_size * 8 : 64));
    }
  else
    {
      json_object_set_int_member (object, "references", walk->n_references);
      for (guint i = 0; i < walk->n_steps; i++)
        add_step (steps, walk->steps[i].level, walk->steps[i].index,
                  format_pa (t, walk->steps[i].entry_pa),
                  osl_address_format (walk->steps[i].entry, walk->steps[i].entry_size * 8));
    }
  json_object_set_array_member (object, "steps", steps);
  json_node_set_object (root, object);
  text = json_to_string (root, FALSE);
  printf ("%s\n", text);
}

static void
print_step (const Translate   *t,
            const OslWalkStep *step)
{
  g_autofree char *table = format_pa (t, step->table);
  g_autofree char *entry_pa = format_pa (t, step->entry_pa);
  g_autofree char *entry = osl_address_format (step->entry, step->entry_size * 8);
  g_autofree char *flags = osl_pte_flags_to_string (step->flags);

  printf ("  %-5s index %4u: %s + %u × %u = %s → %s%s%s%s\n",
          step->level, step->index, table, step->index, step->entry_size, entry_pa, entry,
          *flags != '\0' ? " (" : "", flags, *flags != '\0' ? ")" : "");
  if (step->from_register)
    printf ("        %s\n", _("(loaded into a PDPTE register with CR3: no memory reference)"));
}

static void
print_nested_reference (const OslEptReference *ref)
{
  g_autofree char *gpa = osl_address_format (ref->gpa, 64);
  g_autofree char *entry_pa = osl_address_format (ref->entry_pa, 64);
  g_autofree char *entry = osl_address_format (ref->entry, 64);

  if (ref->guest)
    printf ("  %2u. guest %-5s index %3u: read at host 0x%s = %s\n",
            ref->number, ref->level, ref->index, entry_pa + 2, entry);
  else
    printf ("  %2u. %-8s index %3u for GPA %s: %s → %s\n",
            ref->number, ref->level, ref->index, gpa, entry_pa, entry);
}

static char *
format_page_size (guint64 size)
{
  if (size >= G_GUINT64_CONSTANT (1) << 30)
    return g_strdup_printf ("%" PRIu64 " GiB", size >> 30);
  if (size >= 1 << 20)
    return g_strdup_printf ("%" PRIu64 " MiB", size >> 20);
  if (size >= 1024)
    return g_strdup_printf ("%" PRIu64 " KiB", size >> 10);
  return g_strdup_printf ("%" PRIu64 " bytes", size);
}

static void
print_words (const Translate     *t,
             guint64              va,
             const OslWalk       *walk,
             const OslNestedWalk *nested,
             guint64              pa)
{
  static const char *kinds[] = { N_("read"), N_("write"), N_("instruction fetch") };
  g_autofree char *va_text = osl_address_format (va, osl_paging_address_width (&t->file->config));

  printf (_("%s: %s-mode %s, %s\n"), va_text, t->access.user ? _("user") : _("supervisor"),
          _(kinds[t->access.kind]), osl_paging_mode_describe (t->file->config.mode));
  if (nested != NULL)
    for (guint i = 0; i < nested->n_refs; i++)
      print_nested_reference (&nested->refs[i]);
  else
    for (guint i = 0; i < walk->n_steps; i++)
      print_step (t, &walk->steps[i]);

  if (walk->fault != OSL_FAULT_NONE)
    {
      g_autofree char *why = osl_walk_describe_fault (walk);

      printf ("  %s\n", why);
    }
  else
    {
      g_autofree char *pa_text = format_pa (t, pa);
      g_autofree char *size = format_page_size (walk->page_size);
      guint refs = nested != NULL ? nested->n_refs : walk->n_references;

      printf (ngettext ("  → physical address %s (a %s page), %u memory reference\n",
                        "  → physical address %s (a %s page), %u memory references\n", refs),
              pa_text, size, refs);
    }
}

static gboolean
translate_one (const Translate  *t,
               const char       *text,
               GError          **error)
{
  g_autofree OslNestedWalk *nested = NULL;
  OslWalk plain;
  const OslWalk *walk = &plain;
  guint64 va, pa;

  if (!osl_address_parse_number (text, &va, error))
    return FALSE;
  /* Too wide is a typing error; non-canonical is the CPU's #GP. */
  if (osl_paging_address_width (&t->file->config) < 64 &&
      (va >> osl_paging_address_width (&t->file->config)) != 0)
    return osl_address_check (&t->file->config, va, error);

  if (t->file->nested)
    {
      nested = g_new0 (OslNestedWalk, 1);
      osl_ept_walk (t->file->mem, &t->file->config, t->file->eptp, va, t->access, nested);
      walk = &nested->guest;
      pa = nested->hpa;
    }
  else
    {
      osl_paging_walk (t->file->mem, &t->file->config, va, t->access, &plain);
      pa = plain.pa;
    }
  if (t->json)
    print_json (t, va, walk, nested, pa);
  else
    print_words (t, va, walk, nested, pa);
  return TRUE;
}

int
osl_cli_translate (int    argc,
                   char **argv)
{
  g_autofree char *memory = NULL, *access = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OslMemoryFile) file = NULL;
  gboolean user = FALSE, json = FALSE;
  Translate t = { 0 };
  int status = 0;
  GOptionEntry entries[] = {
    { "memory", 'm', 0, G_OPTION_ARG_FILENAME, &memory, N_("The memory file (os-lens/memory JSON)"), N_("FILE") },
    { "access", 'a', 0, G_OPTION_ARG_STRING, &access, N_("read (default), write or exec"), N_("KIND") },
    { "user", 'u', 0, G_OPTION_ARG_NONE, &user, N_("Access from user mode (CPL 3)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per address"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("VA…"));
  g_option_context_set_summary (context, _("Walk the page tables of a memory file for each virtual address."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return osl_cli_fail (2, "%s", error->message);
  if (memory == NULL || argc < 2)
    return osl_cli_fail (2, _("translate needs --memory FILE and at least one address; see “os-lens-cli translate --help”."));
  if (access != NULL && !parse_access (access, &t.access.kind))
    return osl_cli_fail (2, _("“%s” is not an access: use read, write or exec."), access);

  file = osl_memory_file_load (memory, &error);
  if (file == NULL)
    return osl_cli_fail (1, "%s: %s", memory, error->message);
  t.file = file;
  t.access.user = user;
  t.json = json;
  for (int i = 1; i < argc; i++)
    if (!translate_one (&t, argv[i], &error))
      {
        osl_cli_fail (1, "%s", error->message);
        g_clear_error (&error);
        status = 1;
      }
  return status;
}
