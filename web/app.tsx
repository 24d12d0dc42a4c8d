import { useEffect, useRef } from 'preact/hooks';
import { AppHeader, type NavSection } from './components/app-header';
import { SyncBar } from './components/sync-bar';
import { UpdateBanner } from './components/update-banner';
import { useSession } from './queries/use-session';
import { useSyncStatus } from './queries/use-sync-status';
import { useI18n } from './i18n/i18n-context';
import { interceptLinkClicks, navigate, useLocationPath } from './router/history-router';
import { paths, routeFor, type Route } from './router/routes';
import { lazyScreen } from './lazy-screen';
import { useAppLock } from './lock/use-app-lock';
import { NotFoundScreen } from './screens/not-found-screen';
import { HomeScreen } from './screens/home-screen';
import { mayOpen } from './router/route-access';
import type { Role } from '../schema';

// Only the officer's first screen, home, is in the main chunk. Every other screen (the units
// list, a unit's page, sign-in, the forms, the office's screens) loads on demand, precached so
// that it opens offline too.
const UnitsScreen = lazyScreen(() => import('./screens/units-screen').then((m) => m.UnitsScreen));
const SearchScreen = lazyScreen(() => import('./screens/search-screen').then((m) => m.SearchScreen));
const ApplicationFormScreen = lazyScreen(() => import('./screens/application-form-screen').then((m) => m.ApplicationFormScreen));
const ApplicationScreen = lazyScreen(() => import('./screens/application-screen').then((m) => m.ApplicationScreen));
const HouseholdScreen = lazyScreen(() => import('./screens/household-screen').then((m) => m.HouseholdScreen));
const OccupancyReportScreen = lazyScreen(() => import('./screens/occupancy-report-screen').then((m) => m.OccupancyReportScreen));
const StorageScreen = lazyScreen(() => import('./screens/storage-screen').then((m) => m.StorageScreen));
const LockScreen = lazyScreen(() => import('./lock/lock-screen').then((m) => m.LockScreen));
const UnitDetailScreen = lazyScreen(() => import('./screens/unit-detail-screen').then((m) => m.UnitDetailScreen));
const SignInScreen = lazyScreen(() => import('./screens/sign-in-screen').then((m) => m.SignInScreen));
const InspectionFormScreen = lazyScreen(() => import('./screens/inspection-form-screen').then((m) => m.InspectionFormScreen));
const InspectionEditScreen = lazyScreen(() => import('./screens/inspection-edit-screen').then((m) => m.InspectionEditScreen));
const ConflictsScreen = lazyScreen(() => import('./screens/conflicts-screen').then((m) => m.ConflictsScreen));
// The office's screens: never in the officer's first load.
const ReviewQueueScreen = lazyScreen(() => import('./office/review/review-queue-screen').then((m) => m.ReviewQueueScreen));
const ReviewApplicationScreen = lazyScreen(() => import('./office/review/review-application-screen').then((m) => m.ReviewApplicationScreen));
const DashboardScreen = lazyScreen(() => import('./office/dashboard/dashboard-screen').then((m) => m.DashboardScreen));
const ExportsScreen = lazyScreen(() => import('./office/exports/exports-screen').then((m) => m.ExportsScreen));
const SyncHealthScreen = lazyScreen(() => import('./office/devices/sync-health-screen').then((m) => m.SyncHealthScreen));
const AdminUsersScreen = lazyScreen(() => import('./admin/users-screen').then((m) => m.AdminUsersScreen));

function SignedInScreen({ route, role }: { route: Route; role: Role }) {
  // An office screen named in the address bar of a field officer's phone is simply not there.
  if (!mayOpen(route, role)) return <NotFoundScreen />;
  switch (route.name) {
    case 'signIn':
    case 'home':
      return <HomeScreen />;
    case 'units':
      return <UnitsScreen />;
    case 'search':
      return <SearchScreen />;
    case 'newApplication':
      return <ApplicationFormScreen />;
    case 'editApplication':
      return <ApplicationFormScreen key={route.applicationId} applicationId={route.applicationId} />;
    case 'application':
      return <ApplicationScreen key={route.applicationId} applicationId={route.applicationId} />;
    case 'household':
      return <HouseholdScreen key={route.householdId} householdId={route.householdId} />;
    case 'occupancyReport':
      return <OccupancyReportScreen key={`${route.siteId}/${route.month}`} siteId={route.siteId} month={route.month} />;
    case 'storage':
      return <StorageScreen />;
    case 'unit':
      return <UnitDetailScreen key={route.unitId} unitId={route.unitId} />;
    case 'newInspection':
      return <InspectionFormScreen key={route.unitId} unitId={route.unitId} />;
    case 'editInspection':
      return <InspectionEditScreen key={route.inspectionId} unitId={route.unitId} inspectionId={route.inspectionId} />;
    case 'conflicts':
      return <ConflictsScreen />;
    case 'reviewQueue':
      return <ReviewQueueScreen />;
    case 'reviewApplication':
      return <ReviewApplicationScreen key={route.applicationId} applicationId={route.applicationId} />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'exports':
      return <ExportsScreen />;
    case 'syncHealth':
      return <SyncHealthScreen />;
    case 'adminUsers':
      return <AdminUsersScreen />;
    case 'notFound':
      return <NotFoundScreen />;
  }
}

function navSection(route: Route): NavSection {
  switch (route.name) {
    case 'home':
    case 'units':
    case 'search':
    case 'storage':
    case 'conflicts':
    case 'reviewQueue':
    case 'dashboard':
    case 'exports':
    case 'syncHealth':
    case 'adminUsers':
      return route.name;
    case 'reviewApplication':
      return 'reviewQueue';
    default:
      return null;
  }
}

/** Moves focus to the new screen after a client navigation, as a page load would for a screen reader. */
function useFocusOnNavigation(path: string, main: { current: HTMLElement | null }) {
  const previous = useRef(path);
  useEffect(() => {
    if (previous.current === path) return;
    previous.current = path;
    main.current?.focus({ preventScroll: true });
  }, [path]);
}

export function App() {
  const { t } = useI18n();
  const path = useLocationPath();
  const route = routeFor(path);
  const session = useSession();
  const syncStatus = useSyncStatus();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(path, main);
  const lock = useAppLock(session);

  useEffect(() => {
    document.addEventListener('click', interceptLinkClicks);
    return () => document.removeEventListener('click', interceptLinkClicks);
  }, []);

  // The server ended the session: /login then offers to sign in again instead of going home.
  const renewing = Boolean(session && syncStatus?.lastError?.kind === 'unauthorized');
  const redirectHome = Boolean(session && route.name === 'signIn' && syncStatus && !renewing);
  useEffect(() => {
    if (redirectHome) navigate(paths.home(), { replace: true });
  }, [redirectHome]);

  let screen = null;
  if (session === null) screen = <SignInScreen />;
  // Locked: nothing of the data shows until the password is checked on the device.
  else if (session && lock.locked) screen = <LockScreen displayName={session.user.displayName} onUnlocked={lock.unlocked} />;
  else if (session && route.name === 'signIn' && renewing) screen = <SignInScreen renewing knownUsername={session.user.username} />;
  else if (session && syncStatus) screen = <SignedInScreen route={route} role={session.user.role} />;

  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader user={session?.user} section={navSection(route)} />
      <UpdateBanner />
      {session && <SyncBar />}
      <main id="main" ref={main} tabIndex={-1}>
        {screen}
      </main>
    </>
  );
}
