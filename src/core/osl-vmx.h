/* osl-vmx.h: one VM exit and VM entry, step by step
 *
 * A guest runs in VMX non-root mode until it executes a sensitive
 * instruction (HLT, CPUID, an I/O port access, a CR3 write under shadow
 * paging) or touches a guest-physical page the EPT does not map. The CPU
 * then exits to the hypervisor in VMX root mode, which handles the exit
 * and re-enters the guest (VMRESUME). Exit reasons are the SDM's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "osl-stack.h"

G_BEGIN_DECLS

#define OSL_VMX_ERROR (osl_vmx_error_quark ())

typedef enum
{
  OSL_VMX_ERROR_UNKNOWN,
} OslVmxError;

typedef enum
{
  OSL_VMX_CAUSE_HLT,
  OSL_VMX_CAUSE_CPUID,
  OSL_VMX_CAUSE_IO,
  OSL_VMX_CAUSE_CR3_WRITE,
  OSL_VMX_CAUSE_EPT_VIOLATION,
  OSL_VMX_N_CAUSES
} OslVmxCause;

typedef enum
{
  OSL_VMX_PHASE_GUEST_APP,     /* non-root, ring 3 */
  OSL_VMX_PHASE_GUEST_KERNEL,  /* non-root, ring 0: a syscall, no exit */
  OSL_VMX_PHASE_SENSITIVE,     /* the instruction or access that exits */
  OSL_VMX_PHASE_VM_EXIT,       /* guest state saved to the VMCS, host state loaded */
  OSL_VMX_PHASE_HANDLER,       /* root, ring 0 (ring 3 for a user-space device model) */
  OSL_VMX_PHASE_VM_ENTRY,      /* VMRESUME: guest state loaded */
  OSL_VMX_PHASE_RESUMED,       /* back in the guest */
  OSL_VMX_N_PHASES
} OslVmxPhase;

typedef struct
{
  const char  *id;             /* "hlt", "cpuid", "io", "cr3", "ept" */
  const char  *instruction;    /* as the guest executes it */
  guint        exit_reason;    /* basic exit reason number (SDM) */
  const char  *exit_name;
  const char  *handler;        /* what the hypervisor does */
  gboolean     advances_rip;   /* FALSE: the instruction is retried */
} OslVmxCauseInfo;

typedef struct
{
  OslVmxCause  cause;
  OslVmxPhase  phase;
  guint        step;
  guint        exits;          /* VM exits so far */
  guint64      guest_rip;
} OslVmxState;

GQuark                 osl_vmx_error_quark      (void);
const OslVmxCauseInfo *osl_vmx_cause_get_info   (OslVmxCause   cause);
gboolean               osl_vmx_parse_cause      (const char   *id,
                                                 OslVmxCause  *cause,
                                                 GError      **error);
OslVmxState            osl_vmx_start            (OslVmxCause   cause);
OslVmxState            osl_vmx_step             (OslVmxState   state);
OslVmxState            osl_vmx_step_back        (OslVmxState   state);
OslVmxMode             osl_vmx_phase_mode       (OslVmxPhase   phase);
int                    osl_vmx_phase_ring       (OslVmxState   state);
char                  *osl_vmx_describe         (OslVmxState   state);

G_END_DECLS
