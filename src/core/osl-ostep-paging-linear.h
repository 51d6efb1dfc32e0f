/* osl-ostep-paging-linear.h: OSTEP's paging-linear-translate.py, exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_OSTEP_PAGING_LINEAR_PROGRAM "paging-linear-translate.py"

/* A page-table entry: bit 31 is VALID, the low bits hold the PFN. */
#define OSL_OSTEP_LINEAR_PTE_VALID 0x80000000U

/* One invocation of paging-linear-translate.py: its options, the linear
 * page table it draws and the virtual addresses to translate. */
typedef struct
{
  gint64    seed;                   /* -s */
  char     *address_space_text;     /* -a, as typed */
  char     *physical_memory_text;   /* -p, as typed */
  char     *page_size_text;         /* -P, as typed */
  char     *addresses_text;         /* -A, as typed; "-1" for random addresses */
  gint64    n_random_addresses;     /* -n */
  gint64    used_percent;           /* -u */
  gboolean  verbose;                /* -v */
  gboolean  solve;                  /* -c */

  gint64    address_space_size;     /* bytes */
  gint64    physical_memory_size;   /* bytes; not always a power of two */
  gint64    page_size;              /* bytes */
  guint     page_bits;
  guint32  *page_table;             /* NULL when the script stops before drawing it */
  guint     n_pages;
  gint64   *addresses;              /* the ones the script reads before any defect */
  guint     n_addresses;
  GError   *defect;                 /* why the script stops */
} OslOstepPagingLinear;

typedef struct
{
  guint64  vpn;
  gint64   offset;
  gboolean valid;
  guint32  pfn;
  gint64   physical_address;  /* when valid */
} OslOstepPagingLinearTranslation;

gboolean osl_ostep_paging_linear_parse              (int                              argc,
                                                     char                           **argv,
                                                     OslOstepPagingLinear            *problem,
                                                     GError                         **error);
gboolean osl_ostep_paging_linear_parse_command_line (const char                      *command_line,
                                                     OslOstepPagingLinear            *problem,
                                                     GError                         **error);
gboolean osl_ostep_paging_linear_translate          (const OslOstepPagingLinear      *problem,
                                                     gint64                           virtual_address,
                                                     OslOstepPagingLinearTranslation *translation,
                                                     GError                         **error);
gboolean osl_ostep_paging_linear_print              (const OslOstepPagingLinear      *problem,
                                                     gboolean                         show_solution,
                                                     GString                         *out,
                                                     GError                         **error);
int      osl_ostep_paging_linear_main               (int                              argc,
                                                     char                           **argv,
                                                     GString                         *out,
                                                     GString                         *err);
void     osl_ostep_paging_linear_clear              (OslOstepPagingLinear            *problem);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OslOstepPagingLinear, osl_ostep_paging_linear_clear)

G_END_DECLS
