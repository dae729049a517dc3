// /tenant/centres: the centres the admin may read (search, agency, status), and a new centre.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { errorMessage } from '@/api/messages';
import { agenciesQuery, centresQuery } from '@/features/network/api';
import { PageTitle } from '@/ui';
import { CentreTable } from './CentreTable';

/** The centres page. */
export default function Centres() {
  const centres = useQuery(centresQuery(null));
  const agencies = useQuery(agenciesQuery());
  return (
    <div>
      <PageTitle sub="Les centres de contrôle : réglages, horaires, fermetures et tarifs.">Centres</PageTitle>
      <CentreTable
        id="tenant-centres"
        centres={centres.data}
        agencies={agencies.data ?? []}
        error={centres.isError ? errorMessage(centres.error) : null}
        onRetry={() => centres.refetch()}
        actions={
          <Link to="/tenant/centres/nouveau" className="inline-flex h-10 items-center rounded-md bg-brand-500 px-4 text-sm font-semibold text-ink-strong hover:bg-brand-600">
            Nouveau centre
          </Link>
        }
      />
    </div>
  );
}
