// The statistics' place while the first figures load: the cards, the charts and a table as grey
// shapes, announced once as loading.
const bar = 'animate-pulse rounded bg-gray-200 dark:bg-gray-700';

/** The page's shapes while its figures load. */
export function StatisticsSkeleton() {
  return (
    <div className="flex flex-col gap-4" data-testid="statistics-skeleton" aria-busy="true">
      <span className="sr-only" role="status">
        Chargement des statistiques…
      </span>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-4" aria-hidden="true">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="rounded-lg bg-white p-4 shadow-card dark:bg-gray-800">
            <div className={`${bar} h-4 w-2/3`} />
            <div className={`${bar} mt-3 h-7 w-1/2`} />
            <div className={`${bar} mt-3 h-3 w-3/4`} />
          </div>
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-3" aria-hidden="true">
        <div className="rounded-lg bg-white p-4 shadow-card lg:col-span-2 dark:bg-gray-800">
          <div className={`${bar} h-5 w-1/3`} />
          <div className={`${bar} mt-4 h-56`} />
        </div>
        <div className="rounded-lg bg-white p-4 shadow-card dark:bg-gray-800">
          <div className={`${bar} h-5 w-1/2`} />
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className={`${bar} mt-5 h-3`} style={{ width: `${100 - i * 20}%` }} />
          ))}
        </div>
      </div>
      <div className="rounded-lg bg-white p-4 shadow-card dark:bg-gray-800" aria-hidden="true">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className={`${bar} mt-3 h-4 first:mt-0`} style={{ width: `${90 - i * 9}%` }} />
        ))}
      </div>
    </div>
  );
}
