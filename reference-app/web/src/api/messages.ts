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
  NOT_INVITED: 'Ce compte a déjà choisi son mot de passe : il n’a plus besoin d’invitation.',
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
  ROLE_NOT_GRANTABLE: 'Vous ne pouvez pas attribuer ce rôle sur ce périmètre.',
  CANNOT_CHANGE_OWN_ACCESS: 'Vous ne pouvez changer ni votre propre rôle, ni votre agence ou votre centre, ni votre statut, ni supprimer votre compte.',
  INVALID_TOKEN: 'Ce lien n’est plus valable : il a déjà servi ou il a expiré.',
  BAD_REQUEST: 'La demande est invalide. Rechargez la page et réessayez.',
  INVALID_JSON: 'La demande est invalide. Rechargez la page et réessayez.',
  UNSUPPORTED_MEDIA_TYPE: 'La demande est invalide. Rechargez la page et réessayez.',
  PAYLOAD_TOO_LARGE: 'Les informations envoyées sont trop volumineuses.',
  INVALID_LIMIT: 'Nombre de résultats demandé invalide.',
  NO_ROUTE: 'Ce service n’existe pas.',
  INTERNAL: 'Le service a rencontré un problème. Réessayez dans un instant.',
  CODE_TAKEN: 'Ce code est déjà utilisé dans le réseau.',
  SECRETS_KEY_MISSING: 'Le serveur n’a pas de clé de chiffrement (PTI_SECRETS_KEY) : aucune clé secrète ne peut être enregistrée. Contactez l’exploitant de la plateforme.',
  NOTIFICATION_UNREACHABLE: 'Le serveur d’envoi ne répond pas : vérifiez l’hôte, le port et le chiffrement.',
  NOTIFICATION_AUTH_FAILED: 'Le serveur d’envoi a refusé l’identifiant ou le mot de passe (ou la clé d’API).',
  NOTIFICATION_REFUSED: 'Le serveur d’envoi a refusé le message : vérifiez l’adresse d’expéditeur.',
  NOTIFICATION_MISCONFIGURED: 'Les réglages d’envoi ne peuvent pas être utilisés : une clé secrète manque ou ne peut plus être lue. Saisissez-la à nouveau.',
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

/** The French reason of a field's server-side refusal (the server's own reason is English). */
export function fieldMessage(field: string): string {
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
    role: 'Rôle invalide.',
    agency_id: 'Choisissez une agence de votre périmètre.',
    centre_id: 'Choisissez un centre de votre périmètre.',
    token: 'Ce lien n’est plus valable.',
    'general.name': 'Nom requis (120 caractères au plus).',
    'general.legal_name': '160 caractères au plus.',
    'general.siret': 'SIRET invalide : 14 chiffres dont le dernier est une clé de contrôle.',
    'general.address': '200 caractères au plus.',
    'general.postcode': 'Code postal : 5 chiffres.',
    'general.city': '100 caractères au plus.',
    'general.phone': 'Numéro de téléphone invalide.',
    'general.email': 'Adresse e-mail invalide.',
    'booking_policy.min_notice_minutes': '30 jours (720 h) au plus.',
    'booking_policy.horizon_days': 'De 1 à 730 jours.',
    'booking_policy.modification_deadline_hours': '720 heures (30 jours) au plus.',
    'booking_policy.cancellation_deadline_hours': '720 heures (30 jours) au plus.',
    'booking_policy.refund_before_deadline_percent': 'De 0 à 100 %.',
    'booking_policy.refund_after_deadline_percent': 'De 0 à 100 %, et pas plus que le remboursement avant le délai.',
    'booking_policy.recheck_window_months': 'De 1 à 24 mois.',
    'booking_policy.overbooking_percent': 'De 100 à 200 %.',
    'booking_policy.fill_warning_percent': 'De 1 à 200 %.',
    'booking_policy.hold_minutes': 'De 1 à 120 minutes.',
    'branding.primary_color': 'Couleur refusée : le texte blanc doit y avoir un contraste d’au moins 4,5:1.',
    'branding.portal_title': '60 caractères au plus.',
    'payment.stripe_publishable_key': 'Clé publiable Stripe requise avec Stripe : elle commence par pk_test_ ou pk_live_.',
    'payment.stripe_secret_key': 'Clé secrète Stripe requise avec Stripe : elle commence par sk_test_ ou sk_live_.',
    'payment.stripe_webhook_secret': 'Le secret de signature des webhooks commence par whsec_.',
    'notification.smtp_host': 'Hôte SMTP requis : un nom d’hôte (smtp.exemple.fr) ou une adresse IP.',
    'notification.smtp_port': 'Port requis : de 1 à 65535.',
    'notification.smtp_user': '200 caractères au plus.',
    'notification.smtp_password': 'Mot de passe invalide (500 caractères au plus).',
    'notification.brevo_api_key': 'Clé d’API Brevo requise avec Brevo : elle commence par xkeysib-.',
    'notification.smsmode_api_key': 'Clé d’API SMS Mode requise avec SMS Mode.',
    'notification.sender_name': '60 caractères au plus.',
    'notification.sender_email': 'Adresse d’expéditeur invalide.',
    logo: 'Le logo doit être une image PNG, JPEG ou WebP de 256 Kio au plus.',
    code: 'De 1 à 20 lettres, chiffres, « - » ou « _ ».',
    name: 'Nom requis (120 caractères au plus).',
    address: 'Adresse invalide (200 caractères au plus).',
    postcode: 'Aucune commune n’a ce code postal.',
    city: 'Aucune commune de ce code postal ne porte ce nom.',
    lat: 'Position invalide.',
    lng: 'Position invalide.',
    time_zone: 'Fuseau horaire inconnu.',
    lanes: 'Entre 1 et 20 lignes.',
    daily_capacity: 'Entre 1 et 1000 contrôles par jour.',
    grid_minutes: 'Entre 5 et 120 minutes.',
    buffer_minutes: 'Entre 0 et 120 minutes.',
    overbooking_percent: 'Entre 100 et 200 %.',
    holiday_policy: 'Choix des jours fériés invalide.',
    vehicle_categories: 'Catégories de véhicules invalides.',
    opening_hours: 'Horaires invalides : des plages se chevauchent ou finissent avant de commencer.',
    start: 'Date de début invalide (cette heure n’existe peut-être pas, au passage à l’heure d’été).',
    end: 'Date de fin invalide : après le début, 366 jours au plus.',
    reason: 'Motif trop long (200 caractères au plus).',
  };
  return known[field] ?? 'Valeur invalide.';
}
