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
};

/** A French sentence for any error thrown by the API client. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return MESSAGES[error.code] ?? error.message ?? 'Une erreur est survenue.';
  return 'Une erreur inattendue est survenue.';
}

/** The French reason of a field's server-side refusal. */
export function fieldMessage(field: string, reason: unknown): string {
  const known: Record<string, string> = {
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
  };
  return known[field] ?? (typeof reason === 'string' ? reason : 'Valeur invalide.');
}
