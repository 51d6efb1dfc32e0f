/* osl-ept.c: Intel EPT and the two-dimensional (nested) page walk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <inttypes.h>

#include "osl-ept.h"
#include "osl-paging-private.h"

#define BIT(n) ((guint64) 1 << (n))
#define BITS(hi, lo) ((~(guint64) 0 >> (63 - (hi))) & ~(BIT (lo) - 1))
#define ADDRESS_MASK BITS (51, 12)
#define EPT_R 1
#define EPT_W 2
#define EPT_X 4
#define EPT_ACCESSED BIT (8)
#define EPT_DIRTY BIT (9)
#define EPTP_AD_ENABLE BIT (6)

typedef struct
{
  const char *name;
  guint       shift;
  guint64     large_page;
} EptLevel;

static const EptLevel ept_levels[OSL_EPT_LEVELS] = {
  { "EPT PML4", 39, 0 },
  { "EPT PDPT", 30, BIT (30) },
  { "EPT PD", 21, BIT (21) },
  { "EPT PT", 12, 0 },
};

typedef struct
{
  OslPhysMem    *mem;
  guint64        eptp;
  guint          maxphyaddr;
  OslNestedWalk *nested;
  guint          guest_reads_recorded;
} NestedState;

gboolean
osl_ept_validate_eptp (guint64   eptp,
                       GError  **error)
{
  guint memory_type = eptp & 7, walk_length = ((eptp >> 3) & 7) + 1;

  if (memory_type != 0 && memory_type != 6)
    {
      g_set_error (error, OSL_PAGING_ERROR, OSL_PAGING_ERROR_INVALID,
                   _("EPTP 0x%" PRIX64 " has memory type %u in bits 2–0; only 0 (UC) and 6 (WB) are allowed."),
                   eptp, memory_type);
      return FALSE;
    }
  if (walk_length != OSL_EPT_LEVELS)
    {
      g_set_error (error, OSL_PAGING_ERROR, OSL_PAGING_ERROR_INVALID,
                   _("EPTP 0x%" PRIX64 " asks for a %u-level walk in bits 5–3; write 3 there for 4-level EPT (0x18)."),
                   eptp, walk_length);
      return FALSE;
    }
  if (eptp & (BITS (11, 7) | BITS (63, 52)))
    {
      g_set_error (error, OSL_PAGING_ERROR, OSL_PAGING_ERROR_INVALID,
                   _("EPTP 0x%" PRIX64 " sets reserved bits (11–7 or 63–52), which must be 0."), eptp);
      return FALSE;
    }
  return TRUE;
}

guint
osl_ept_expected_references (guint guest_levels,
                             guint nested_levels)
{
  return (guest_levels + 1) * (nested_levels + 1) - 1;
}

static OslEptReference *
add_reference (OslNestedWalk *nested,
               guint          row,
               guint          column,
               const char    *level)
{
  OslEptReference *ref;

  g_assert (nested->n_refs < OSL_EPT_MAX_REFERENCES);
  ref = &nested->refs[nested->n_refs++];
  ref->number = nested->n_refs;
  ref->row = row;
  ref->column = column;
  ref->level = level;
  nested->n_rows = MAX (nested->n_rows, row + 1);
  return ref;
}

/* The guest entry a translated row made readable comes right after the
 * row's EPT references; record the reads the walk has made so far. */
static void
record_guest_reads (NestedState   *state,
                    const OslWalk *walk,
                    guint          n_steps)
{
  for (guint i = state->guest_reads_recorded; i < n_steps; i++)
    {
      const OslWalkStep *step = &walk->steps[i];
      OslEptReference *ref;

      if (step->from_register)
        continue;
      ref = add_reference (state->nested, state->nested->n_rows - 1, OSL_EPT_LEVELS, step->level);
      ref->guest = TRUE;
      ref->index = step->index;
      ref->gpa = step->entry_pa;
      ref->entry_pa = step->entry_host_pa;
      ref->entry = step->entry;
    }
  state->guest_reads_recorded = MAX (state->guest_reads_recorded, n_steps);
}

static guint64
ept_reserved_bits (guint           maxphyaddr,
                   const EptLevel *level,
                   gboolean        leaf,
                   gboolean        large)
{
  guint64 mask = ADDRESS_MASK & ~BITS (MIN (maxphyaddr, 52) - 1, 0);

  if (!leaf)
    mask |= BITS (7, 3);
  if (large)
    mask |= (level->large_page - 1) & ADDRESS_MASK;
  return mask;
}

static gboolean
is_bad_memory_type (guint64 entry)
{
  guint type = (entry >> 3) & 7;

  return type == 2 || type == 3 || type == 7;
}

static gboolean
ept_fail (OslWalk       *walk,
          OslFault       fault,
          OslFaultCause  cause)
{
  walk->fault = fault;
  walk->cause = cause;
  walk->error_code = 0;
  walk->fault_step = -1;
  return FALSE;
}

static gboolean
ept_translate_cb (gpointer       user_data,
                  guint64        gpa,
                  OslAccessKind  kind,
                  gboolean       table,
                  gboolean       counted,
                  guint64       *hpa,
                  OslWalk       *walk)
{
  NestedState *state = user_data;
  OslNestedWalk *nested = state->nested;
  guint64 base = state->eptp & ADDRESS_MASK, entry_pas[OSL_EPT_LEVELS];
  guint needed = kind == OSL_ACCESS_WRITE ? EPT_W : kind == OSL_ACCESS_EXEC ? EPT_X : EPT_R;
  guint allowed = EPT_R | EPT_W | EPT_X, row = nested->n_rows, n_used = 0;
  guint64 entry = 0, page = BIT (12);

  if (counted)
    {
      record_guest_reads (state, walk, table ? walk->n_steps - 1 : walk->n_steps);
      nested->n_rows++;
    }
  for (guint i = 0; i < OSL_EPT_LEVELS; i++)
    {
      const EptLevel *level = &ept_levels[i];
      guint index = (gpa >> level->shift) & 0x1FF;
      gboolean large, leaf;
      guint64 rsvd;

      entry_pas[n_used++] = base + index * 8;
      entry = osl_phys_mem_read (state->mem, entry_pas[i], 8);
      if (counted)
        {
          OslEptReference *ref = add_reference (nested, row, i, level->name);

          ref->index = index;
          ref->gpa = gpa;
          ref->entry_pa = entry_pas[i];
          ref->entry = entry;
        }
      nested->fault_gpa = gpa;
      nested->fault_on_guest_table = table;
      if ((entry & 7) == 0)
        return ept_fail (walk, OSL_FAULT_EPT_VIOLATION, OSL_FAULT_CAUSE_EPT_NOT_PRESENT);
      large = level->large_page != 0 && (entry & BIT (7));
      leaf = large || i == OSL_EPT_LEVELS - 1;
      rsvd = entry & ept_reserved_bits (state->maxphyaddr, level, leaf, large);
      if ((entry & (EPT_R | EPT_W)) == EPT_W || rsvd != 0 || (leaf && is_bad_memory_type (entry)))
        {
          nested->ept_reserved_mask = rsvd;
          return ept_fail (walk, OSL_FAULT_EPT_MISCONFIG, OSL_FAULT_CAUSE_EPT_MISCONFIG);
        }
      allowed &= entry & 7;
      if (leaf)
        {
          page = large ? level->large_page : BIT (12);
          break;
        }
      base = entry & ADDRESS_MASK;
    }
  if (!(allowed & needed))
    return ept_fail (walk, OSL_FAULT_EPT_VIOLATION, OSL_FAULT_CAUSE_EPT_DENIED);

  /* EPT A/D flags (EPTP bit 6). Guest table reads count as reads here;
   * the SDM treats them as writes for EPT dirty flags, which this
   * model leaves out. */
  if (state->eptp & EPTP_AD_ENABLE)
    for (guint i = 0; i < n_used; i++)
      {
        guint64 value = osl_phys_mem_read (state->mem, entry_pas[i], 8) | EPT_ACCESSED;

        if (i == n_used - 1 && kind == OSL_ACCESS_WRITE)
          value |= EPT_DIRTY;
        osl_phys_mem_write (state->mem, entry_pas[i], 8, value);
      }
  *hpa = (entry & ADDRESS_MASK & ~(page - 1)) | (gpa & (page - 1));
  return TRUE;
}

void
osl_ept_walk (OslPhysMem            *mem,
              const OslPagingConfig *guest,
              guint64                eptp,
              guint64                va,
              OslAccess              access,
              OslNestedWalk         *walk)
{
  NestedState state = { mem, eptp, guest->maxphyaddr, walk, 0 };

  memset (walk, 0, sizeof *walk);
  _osl_paging_walk_translated (mem, guest, va, access, ept_translate_cb, &state, &walk->guest);
  if (walk->guest.fault == OSL_FAULT_NONE)
    {
      walk->gpa = walk->guest.pa;
      /* The data GPA is translated after the walk; fetch it now. */
      if (!ept_translate_cb (&state, walk->gpa, access.kind, FALSE, TRUE, &walk->hpa, &walk->guest))
        return;
    }
  else if (walk->guest.fault == OSL_FAULT_PF)
    record_guest_reads (&state, &walk->guest, walk->guest.n_steps);
}

/* Where @gpa lives, without checks or side effects: for reading the
 * guest's tables when a file is loaded. */
gboolean
osl_ept_lookup (OslPhysMem *mem,
                guint64     eptp,
                guint64     gpa,
                guint64    *hpa)
{
  guint64 table = eptp & ADDRESS_MASK;

  for (guint i = 0; i < OSL_EPT_LEVELS; i++)
    {
      const EptLevel *level = &ept_levels[i];
      guint64 entry = osl_phys_mem_read (mem, table + ((gpa >> level->shift) & 0x1FF) * 8, 8);

      if ((entry & 7) == 0)
        return FALSE;
      if (i == OSL_EPT_LEVELS - 1 || (level->large_page != 0 && (entry & BIT (7))))
        {
          guint64 page = i == OSL_EPT_LEVELS - 1 ? BIT (12) : level->large_page;

          *hpa = (entry & ADDRESS_MASK & ~(page - 1)) | (gpa & (page - 1));
          return TRUE;
        }
      table = entry & ADDRESS_MASK;
    }
  return FALSE;
}

/* Whether the EPT @entry at @level (0 = PML4) points to another table. */
gboolean
osl_ept_next_table (guint    level,
                    guint64  entry,
                    guint64 *next)
{
  if (level + 1 >= OSL_EPT_LEVELS || (entry & 7) == 0 ||
      (ept_levels[level].large_page != 0 && (entry & BIT (7))))
    return FALSE;
  *next = entry & ADDRESS_MASK;
  return TRUE;
}
