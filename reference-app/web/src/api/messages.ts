import { ApiError } from './client';

// The French words for the API's stable error codes.
const MESSAGES: Record<string, string> = {
  NETWORK: 'Connexion au serveur impossible. Vérifiez votre connexion et réessayez.',
  PLACE_NOT_FOUND: 'Nous ne trouvons pas cette ville ou ce code postal.',
  SLOT_TAKEN: 'Ce créneau vient d’être réservé par quelqu’un d’autre. Choisissez-en un autre.',
  INVALID_PLATE: 'Immatriculation invalide (format AB-123-CD ou 123 ABC 45).',
  NOTICE_TOO_SHORT: 'Ce créneau est trop proche pour être réservé en ligne.',
  BEYOND_HORIZON: 'Ce créneau est trop lointain pour être réservé.',
  PLATE_ALREADY_BOOKED: 'Ce véhicule a déjà un rendez-vous à venir.',
  CARD_DECLINED: 'Votre carte a été refusée. Aucun montant n’a été débité ; essayez une autre carte.',
  INSUFFICIENT_FUNDS: 'Paiement refusé : fonds insuffisants. Aucun montant n’a été débité ; essayez une autre carte.',
  HOLD_EXPIRED: 'Le délai de 10 minutes pour payer est dépassé : le créneau a été libéré.',
  ALREADY_PAID: 'Ce rendez-vous est déjà payé.',
  DEADLINE_PASSED: 'Le délai de modification est dépassé.',
  INVALID_STATUS: 'Ce rendez-vous ne peut plus être modifié.',
  VEHICLE_EXISTS: 'Ce véhicule est déjà enregistré.',
  EMAIL_TAKEN: 'Un compte utilise déjà cette adresse e-mail.',
  UNAUTHORIZED: 'Adresse e-mail ou mot de passe incorrect.',
  RATE_LIMITED: 'Trop de tentatives. Patientez une minute puis réessayez.',
  NOT_FOUND: 'Introuvable.',
  FORBIDDEN: 'Accès refusé.',
  VALIDATION: 'Certaines informations sont invalides.',
  BOOKING_NOT_MODIFIABLE: 'Ce rendez-vous ne peut pas être modifié en ligne.',
  DUPLICATE_BOOKING: 'Vous avez déjà un rendez-vous pour ce véhicule.',
  VEHICLE_ALREADY_BOOKED: 'Ce véhicule a déjà un rendez-vous à venir.',
  NO_FAILED_INSPECTION: 'Aucun contrôle défavorable connu pour ce véhicule : indiquez la date du contrôle initial.',
  RECHECK_WINDOW_EXPIRED: 'Le délai de 2 mois pour la contre-visite est dépassé : réservez un contrôle périodique.',
  CATEGORY_NOT_OFFERED: 'Ce centre ne contrôle pas cette catégorie de véhicule.',
  CONTROL_TYPE_NOT_OFFERED: 'Ce centre ne propose pas ce type de contrôle.',
  OUTSIDE_OPENING_HOURS: 'Ce créneau est en dehors des horaires du centre.',
  NO_QUALIFIED_INSPECTOR: 'Aucun contrôleur disponible pour ce créneau. Choisissez-en un autre.',
  OVERBOOKING_LIMIT_REACHED: 'Ce créneau est complet. Choisissez-en un autre.',
  INVALID_CARD_TOKEN: 'La carte n’a pas pu être vérifiée. Saisissez-la à nouveau.',
  PAYMENT_PROVIDER_ERROR: 'Le service de paiement ne répond pas. Aucun montant n’a été débité ; réessayez dans un instant.',
  INVALID_VEHICLE_YEAR: 'Année du véhicule invalide.',
  INVALID_RADIUS: 'Rayon de recherche invalide.',
  INVALID_STATUS_TRANSITION: 'Ce rendez-vous ne peut plus changer de statut.',
  ILLEGAL_STATUS_TRANSITION: 'Ce rendez-vous ne peut plus être modifié.',
  UNKNOWN_BOOKING: 'Rendez-vous introuvable.',
  IDEMPOTENCY_CONFLICT: 'Cette demande a déjà été envoyée avec d’autres informations. Rechargez la page.',
  IDEMPOTENCY_KEY_REQUIRED: 'La demande n’a pas pu être envoyée. Rechargez la page et réessayez.',
  OUT_OF_SCOPE: 'Cette information ne relève pas de votre périmètre (agence ou centre).',
  CROSS_TENANT: 'Cette information appartient à un autre réseau.',
  TENANT_REQUIRED: 'Le réseau n’a pas pu être identifié. Rechargez la page.',
  UNKNOWN_TENANT: 'Ce réseau est inconnu.',
  INVALID_TOKEN: 'Ce lien n’est plus valable : il a déjà servi ou il a expiré.',
  BAD_REQUEST: 'La demande est invalide. Rechargez la page et réessayez.',
  INVALID_JSON: 'La demande est invalide. Rechargez la page et réessayez.',
  UNSUPPORTED_MEDIA_TYPE: 'La demande est invalide. Rechargez la page et réessayez.',
  PAYLOAD_TOO_LARGE: 'Les informations envoyées sont trop volumineuses.',
  INVALID_LIMIT: 'Nombre de résultats demandé invalide.',
  NO_ROUTE: 'Ce service n’existe pas.',
  INTERNAL: 'Le service a rencontré un problème. Réessayez dans un instant.',
};

/** The French sentence for an error of a code no message names, by its HTTP status. */
function byStatus(status: number): string {
  if (status === 401) return 'Votre session a expiré. Reconnectez-vous.';
  if (status === 403) return 'Accès refusé : votre compte ne permet pas cette action.';
  if (status === 404) return 'Introuvable.';
  if (status === 409) return 'Les informations ont changé entre-temps. Rechargez la page.';
  if (status === 429) return MESSAGES.RATE_LIMITED!;
  if (status >= 500) return 'Le service est momentanément indisponible. Réessayez dans un instant.';
  return 'Une erreur est survenue.';
}

/**
 * A French sentence for any error thrown by the API client: the words of its code, else
 * `fallback`, else a sentence for its HTTP status. The server's own (English) message is never
 * shown.
 */
export function errorMessage(error: unknown, fallback?: string): string {
  if (error instanceof ApiError) return MESSAGES[error.code] ?? fallback ?? byStatus(error.status);
  return fallback ?? 'Une erreur inattendue est survenue.';
}

// The French reasons of the client portal's fields refused by the server.
const FIELDS: Record<string, string> = {
  email: 'Adresse e-mail invalide.',
  phone: 'Numéro de téléphone invalide.',
  immatriculation: 'Immatriculation invalide.',
  password: '8 caractères minimum, dont une lettre et un chiffre.',
  first_name: 'Prénom requis (100 caractères au plus).',
  last_name: 'Nom requis (100 caractères au plus).',
  card_number: 'Numéro de carte invalide.',
  exp_month: 'Mois d’expiration invalide.',
  exp_year: 'Carte expirée.',
  cvc: 'Cryptogramme invalide.',
  token: 'Ce lien n’est plus valable.',
};

/** The French reason of a field's server-side refusal (the server's own reason is English). */
export function fieldMessage(field: string): string {
  return FIELDS[field] ?? 'Valeur invalide.';
}

/**
 * Adds the French words of a portal's own codes and fields: the staff portals add theirs when
 * their screens load (staffMessages.ts), out of the client portal's first load.
 */
export function addMessages(codes: Readonly<Record<string, string>>, fields: Readonly<Record<string, string>>): void {
  Object.assign(MESSAGES, codes);
  Object.assign(FIELDS, fields);
}
