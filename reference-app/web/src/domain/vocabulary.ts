// The one vocabulary of the trade: the codes the API speaks (reference-app/openapi.json) and
// their French words. Every portal reads its labels and options here; a test keeps the codes
// equal to the served document's enums.

/** A choice of a select: a code and its French label. */
export interface Option<Code extends string> {
  readonly value: Code;
  readonly label: string;
}

/** Vehicle categories, in the order the forms offer them. */
export const VEHICLE_CATEGORIES = ['VP', 'VU', 'L', 'CAMPING_CAR', 'TRAILER', 'PL'] as const;
/** A vehicle category, as the API codes it (`vehicle_type`). */
export type VehicleCategory = (typeof VEHICLE_CATEGORIES)[number];

/**
 * Codes the API also accepts for a category, as its document says: the spec's VT is VU.
 * The API answers with the canonical code only.
 */
export const VEHICLE_CATEGORY_ALIASES: Readonly<Record<string, VehicleCategory>> = { VT: 'VU' };

/** Each category's name in a sentence ("Voiture") and in a select ("Voiture (VP)"). */
export const VEHICLE_CATEGORY: Readonly<Record<VehicleCategory, { label: string; option: string }>> = {
  VP: { label: 'Voiture', option: 'Voiture (VP)' },
  VU: { label: 'Utilitaire', option: 'Utilitaire (VU)' },
  L: { label: 'Deux-roues', option: 'Deux-roues (L)' },
  CAMPING_CAR: { label: 'Camping-car', option: 'Camping-car' },
  TRAILER: { label: 'Remorque', option: 'Remorque' },
  PL: { label: 'Poids lourd', option: 'Poids lourd (PL)' },
};

/** The categories as select options. */
export const VEHICLE_CATEGORY_OPTIONS: readonly Option<VehicleCategory>[] = VEHICLE_CATEGORIES.map((c) => ({ value: c, label: VEHICLE_CATEGORY[c].option }));

/** Control types: periodic inspection, re-inspection, complementary (pollution) check. */
export const CONTROL_TYPES = ['CT', 'CT_CONTRE_VISITE', 'CTC'] as const;
/** A control type, as the API codes it (`control_type`). */
export type ControlType = (typeof CONTROL_TYPES)[number];

/** Each control type's full name and its shorter name in a select. */
export const CONTROL_TYPE: Readonly<Record<ControlType, { label: string; option: string }>> = {
  CT: { label: 'Contrôle technique périodique', option: 'Contrôle périodique' },
  CT_CONTRE_VISITE: { label: 'Contre-visite', option: 'Contre-visite' },
  CTC: { label: 'Contrôle complémentaire', option: 'Contrôle complémentaire' },
};

/** The control types as select options. */
export const CONTROL_TYPE_OPTIONS: readonly Option<ControlType>[] = CONTROL_TYPES.map((c) => ({ value: c, label: CONTROL_TYPE[c].option }));

/** Fuels (energies) of a vehicle. */
export const FUELS = ['PETROL', 'DIESEL', 'GAS', 'HYBRID', 'ELECTRIC', 'HYDROGEN'] as const;
/** A fuel, as the API codes it (`fuel`). */
export type Fuel = (typeof FUELS)[number];

/** Each fuel's French name. */
export const FUEL: Readonly<Record<Fuel, { label: string }>> = {
  PETROL: { label: 'Essence' },
  DIESEL: { label: 'Diesel' },
  GAS: { label: 'GPL / GNV' },
  HYBRID: { label: 'Hybride' },
  ELECTRIC: { label: 'Électrique' },
  HYDROGEN: { label: 'Hydrogène' },
};

/** The fuels as select options. */
export const FUEL_OPTIONS: readonly Option<Fuel>[] = FUELS.map((f) => ({ value: f, label: FUEL[f].label }));

/** The statuses of a booking, in the order of its life. */
export const BOOKING_STATUSES = ['pending_payment', 'confirmed', 'in_progress', 'completed', 'no_show', 'cancelled', 'refused'] as const;
/** A booking's status, as the API names it. */
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * Each status as a badge ("Confirmé"), as a filter over many bookings ("Confirmés") and after
 * "Ce rendez-vous est …" ("confirmé").
 */
export const BOOKING_STATUS: Readonly<Record<BookingStatus, { label: string; plural: string; attribute: string }>> = {
  pending_payment: { label: 'En attente de paiement', plural: 'En attente de paiement', attribute: 'en attente de paiement' },
  confirmed: { label: 'Confirmé', plural: 'Confirmés', attribute: 'confirmé' },
  in_progress: { label: 'En cours', plural: 'En cours', attribute: 'en cours' },
  completed: { label: 'Terminé', plural: 'Terminés', attribute: 'terminé' },
  no_show: { label: 'Absent', plural: 'Absences', attribute: 'marqué absent' },
  cancelled: { label: 'Annulé', plural: 'Annulés', attribute: 'annulé' },
  refused: { label: 'Refusé', plural: 'Refusés', attribute: 'refusé' },
};

/** The roles of the platform's people (pti_core::policy), the widest first. */
export const ROLES = ['SUPER_ADMIN', 'ADMIN_TENANT', 'ADMIN_AGENCE', 'ADMIN_CT', 'CONTROLEUR', 'CALL_CENTER', 'CLIENT'] as const;
/** A role, as the API codes it (`role`). */
export type Role = (typeof ROLES)[number];

/** The roles of a network's accounts, as the API lists them (the platform's super admin aside). */
export const NETWORK_ROLES = ['ADMIN_TENANT', 'ADMIN_AGENCE', 'ADMIN_CT', 'CONTROLEUR', 'CALL_CENTER', 'CLIENT'] as const satisfies readonly Role[];

/** Each role's French name. */
export const ROLE: Readonly<Record<Role, { label: string }>> = {
  SUPER_ADMIN: { label: 'Administrateur de la plateforme' },
  ADMIN_TENANT: { label: 'Administrateur du réseau' },
  ADMIN_AGENCE: { label: 'Responsable d’agence' },
  ADMIN_CT: { label: 'Chef de centre' },
  CONTROLEUR: { label: 'Contrôleur' },
  CALL_CENTER: { label: 'Conseiller du centre d’appels' },
  CLIENT: { label: 'Client' },
};

/** A role's French name; the code itself for a role this vocabulary does not know. */
export const roleLabel = (role: string): string => ROLE[role as Role]?.label ?? role;

/** The states of a staff account. */
export const USER_STATUSES = ['active', 'invited', 'disabled'] as const;
/** A staff account's state, as the API names it. */
export type UserStatus = (typeof USER_STATUSES)[number];

/** Each account state's French name, alone and as a filter over many accounts. */
export const USER_STATUS: Readonly<Record<UserStatus, { label: string; plural: string }>> = {
  active: { label: 'Actif', plural: 'Actifs' },
  invited: { label: 'Invité', plural: 'Invités' },
  disabled: { label: 'Désactivé', plural: 'Désactivés' },
};
