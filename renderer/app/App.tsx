import { ToastProvider } from '../components/Toasts';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { LocationsPage } from '../features/locations/LocationsPage';
import { MovementsPage } from '../features/movements/MovementsPage';
import { ProductPage } from '../features/products/ProductPage';
import { ProductsPage } from '../features/products/ProductsPage';
import { PurchaseOrderDocument } from '../features/purchasing/PurchaseOrderDocument';
import { PurchaseOrderPage } from '../features/purchasing/PurchaseOrderPage';
import { PurchasingPage } from '../features/purchasing/PurchasingPage';
import { RatesPage } from '../features/rates/RatesPage';
import { CalculatorPage } from '../features/calculator/CalculatorPage';
import { ProfilesPage } from '../features/customs/ProfilesPage';
import { LandedDocPage } from '../features/landed/LandedDocPage';
import { LandedPage } from '../features/landed/LandedPage';
import { ShipmentPage } from '../features/shipments/ShipmentPage';
import { ShipmentsBoard } from '../features/shipments/ShipmentsBoard';
import { ReturnPage } from '../features/returns/ReturnPage';
import { ReturnsPage } from '../features/returns/ReturnsPage';
import { CustomerPage } from '../features/customers/CustomerPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { OrderPage } from '../features/sales/OrderPage';
import { PickList } from '../features/sales/PickList';
import { SalesPage } from '../features/sales/SalesPage';
import { LiveConsole } from '../features/live/LiveConsole';
import { LiveReport } from '../features/live/LiveReport';
import { LiveSessionPage } from '../features/live/LiveSessionPage';
import { LiveSessionsPage } from '../features/live/LiveSessionsPage';
import { ReorderPage } from '../features/reorder/ReorderPage';
import { CountPage } from '../features/counts/CountPage';
import { CountsPage } from '../features/counts/CountsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { BackupsPage } from '../features/backups/BackupsPage';
import { useReloadOnRestore } from '../features/backups/restored';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SupplierPage } from '../features/suppliers/SupplierPage';
import { SuppliersPage } from '../features/suppliers/SuppliersPage';
import { BalancesPage } from '../features/stock/BalancesPage';
import { EmptyState } from '../components/EmptyState';
import { useT } from '../i18n';
import { useRoute, type Route } from './router';
import { SettingsProvider } from './settings';
import { Shell } from './Shell';


function Page({ route }: { route: Route }) {
  const t = useT();
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />;
    case 'products':
      return <ProductsPage openNew={route.openNew} />;
    case 'product':
      return <ProductPage key={route.id} id={route.id} />;
    case 'stock':
      return <BalancesPage locationId={route.locationId} />;
    case 'movements':
      return <MovementsPage key={`${route.productId}|${route.locationId}`} productId={route.productId} locationId={route.locationId} />;
    case 'locations':
      return <LocationsPage openNew={route.openNew} />;
    case 'suppliers':
      return <SuppliersPage />;
    case 'supplier':
      return <SupplierPage key={route.id} id={route.id} />;
    case 'purchasing':
      return <PurchasingPage />;
    case 'purchaseOrder':
      return <PurchaseOrderPage key={route.id} id={route.id} />;
    case 'purchaseOrderDocument':
      return <PurchaseOrderDocument key={route.id} id={route.id} />;
    case 'rates':
      return <RatesPage />;
    case 'calculator':
      return <CalculatorPage key={route.id ?? 'new'} id={route.id} />;
    case 'landed':
      return <LandedPage />;
    case 'landedDoc':
      return <LandedDocPage key={route.id} id={route.id} />;
    case 'customs':
      return <ProfilesPage />;
    case 'shipments':
      return <ShipmentsBoard />;
    case 'shipment':
      return <ShipmentPage key={route.id} id={route.id} />;
    case 'returns':
      return <ReturnsPage />;
    case 'return':
      return <ReturnPage key={route.id} id={route.id} />;
    case 'sales':
      return <SalesPage view={route.view} />;
    case 'salesOrder':
      return <OrderPage key={route.id} id={route.id} />;
    case 'pickList':
      return <PickList key={route.ids.join(',')} ids={route.ids} />;
    case 'customers':
      return <CustomersPage />;
    case 'customer':
      return <CustomerPage key={route.id} id={route.id} />;
    case 'live':
      return <LiveSessionsPage />;
    case 'liveSession':
      return <LiveSessionPage key={route.id} id={route.id} />;
    case 'liveConsole':
      return <LiveConsole key={route.id} id={route.id} />;
    case 'liveReport':
      return <LiveReport key={route.id} id={route.id} />;
    case 'counts':
      return <CountsPage />;
    case 'count':
      return <CountPage key={route.id} id={route.id} />;
    case 'reorder':
      return <ReorderPage productId={route.productId} />;
    case 'sync':
      return <SyncPage />;
    case 'backups':
      return <BackupsPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return (
        <div className="page">
          <EmptyState title={t('common.notFound')} action={<a href="#/">{t('nav.dashboard')}</a>}>
            {t('common.notFoundHint', { path: route.path })}
          </EmptyState>
        </div>
      );
  }
}

export function App() {
  const route = useRoute();
  useReloadOnRestore();
  return (
    <SettingsProvider>
      <ToastProvider>
        <Shell>
          <Page route={route} />
        </Shell>
      </ToastProvider>
    </SettingsProvider>
  );
}
