// A local stand-in for CJ Dropshipping's API 2.0 on 127.0.0.1, answering the requests the CJ
// connector makes the way CJ's documentation shows them: the {code, result, message, data,
// requestId} envelope inside HTTP 200 for errors too, access and refresh tokens, about one call a
// second per account (1600200 when called faster), createOrderV2's required fields (1600100
// "Param error"), one order per orderNumber (1603003), getOrderDetail by CJ's id or the caller's
// order number (1600300 "order not found"), the order list, tracking and stock per warehouse.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CjFakeOrder {
  orderId: string;
  orderNum: string;
  orderStatus: string;
  logisticName: string;
  trackNumber: string | null;
  createDate: string;
  body: Record<string, unknown>;
  productList: { vid: string; quantity: number }[];
}

export interface CjFake {
  url: string;
  /** every request as received: method, path and query, body */
  requests: { method: string; path: string; body: unknown; token: string | null }[];
  orders: CjFakeOrder[];
  variants: Map<string, { vid: string; pid: string; variantSku: string; variantNameEn: string; variantSellPrice: number; stock: number }>;
  faults: { dropAfterCreate: number; busy: number };
  /** the least time between two calls of the account before 1600200 */
  spacingMs: number;
  /** the access tokens handed out so far stop working (as after 15 days) */
  expireTokens(): void;
  ship(orderNumber: string, trackNumber: string): void;
  close(): Promise<void>;
}

const ok = (data: unknown) => ({ code: 200, result: true, message: 'Success', data, requestId: randomUUID() });
const fail = (code: number, message: string) => ({ code, result: false, message, data: null, requestId: randomUUID() });

export async function startCjFake(apiKey: string): Promise<CjFake> {
  const tokens = new Map<string, boolean>();
  const refresh = new Map<string, boolean>();
  let lastCall = 0;
  const fake: Omit<CjFake, 'url' | 'close'> = {
    requests: [],
    orders: [],
    variants: new Map(),
    faults: { dropAfterCreate: 0, busy: 0 },
    spacingMs: 0,
    expireTokens: () => tokens.forEach((_, k) => tokens.set(k, false)),
    ship(orderNumber, trackNumber) {
      const o = fake.orders.find((x) => x.orderNum === orderNumber)!;
      o.orderStatus = 'SHIPPED';
      o.trackNumber = trackNumber;
    },
  };
  const issue = () => {
    const accessToken = randomUUID().replace(/-/g, '');
    const refreshToken = randomUUID().replace(/-/g, '');
    tokens.set(accessToken, true);
    refresh.set(refreshToken, true);
    const in15 = new Date(Date.now() + 15 * 86_400_000).toISOString();
    return { openId: 123456789, accessToken, accessTokenExpiryDate: in15, refreshToken, refreshTokenExpiryDate: new Date(Date.now() + 180 * 86_400_000).toISOString(), createDate: new Date().toISOString() };
  };

  function answer(method: string, url: URL, body: Record<string, unknown>, token: string | null): { reply?: unknown; drop?: boolean } {
    const path = url.pathname.replace(/^\/api2\.0\/v1/, '');
    if (path === '/authentication/getAccessToken' && method === 'POST') return { reply: body.apiKey === apiKey ? ok(issue()) : fail(1600005, 'APIkey is wrong') };
    if (path === '/authentication/refreshAccessToken' && method === 'POST') {
      if (typeof body.refreshToken !== 'string' || !refresh.get(body.refreshToken)) return { reply: fail(1600003, 'Invalid Refresh token') };
      refresh.set(body.refreshToken, false);
      return { reply: ok(issue()) };
    }
    if (!token) return { reply: fail(1600002, 'Access token can not be empty') };
    if (!tokens.get(token)) return { reply: fail(1600001, 'Invalid API key or access token') };
    const now = Date.now();
    if (now - lastCall < fake.spacingMs) return { reply: fail(1600200, 'Too much request') };
    lastCall = now;
    if (fake.faults.busy > 0) {
      fake.faults.busy--;
      return { reply: fail(1600000, 'System busy') };
    }
    const q = url.searchParams;
    if (path === '/product/variant/query' && method === 'GET') {
      const v = fake.variants.get(q.get('variantSku') ?? '');
      return { reply: v ? ok([{ vid: v.vid, pid: v.pid, variantSku: v.variantSku, variantNameEn: v.variantNameEn, variantSellPrice: v.variantSellPrice, createTime: '2026-01-01 00:00:00' }]) : fail(1602000, 'Variant not found') };
    }
    if (path === '/product/variant/queryByVid' && method === 'GET') {
      const v = [...fake.variants.values()].find((x) => x.vid === q.get('vid'));
      return { reply: v ? ok({ vid: v.vid, pid: v.pid, variantSku: v.variantSku, variantNameEn: v.variantNameEn, variantSellPrice: v.variantSellPrice }) : fail(1602000, 'Variant not found') };
    }
    if (path === '/product/stock/queryBySku' && method === 'GET') {
      const v = fake.variants.get(q.get('sku') ?? '');
      if (!v) return { reply: fail(1602000, 'Variant not found') };
      const cn = Math.ceil(v.stock / 2);
      return {
        reply: ok([
          { areaEn: 'China Warehouse', areaId: 2, countryCode: 'CN', totalInventoryNum: cn, cjInventoryNum: cn, factoryInventoryNum: 0 },
          { areaEn: 'US Warehouse', areaId: 1, countryCode: 'US', totalInventoryNum: v.stock - cn, cjInventoryNum: v.stock - cn, factoryInventoryNum: 0 },
        ]),
      };
    }
    if (path === '/shopping/order/createOrderV2' && method === 'POST') {
      const required = ['orderNumber', 'shippingCountryCode', 'shippingCountry', 'shippingProvince', 'shippingCity', 'shippingCustomerName', 'shippingAddress', 'logisticName', 'fromCountryCode'];
      const products = body.products as { vid?: string; sku?: string; quantity?: number }[] | undefined;
      if (required.some((f) => typeof body[f] !== 'string' || !body[f]) || !Array.isArray(products) || !products.length) return { reply: fail(1600100, 'Param error') };
      if (fake.orders.some((o) => o.orderNum === body.orderNumber)) return { reply: fail(1603003, 'Order exist, please do not duplicate create') };
      const lines: { vid: string; quantity: number }[] = [];
      for (const p of products) {
        const v = p.sku ? fake.variants.get(p.sku) : [...fake.variants.values()].find((x) => x.vid === p.vid);
        if (!v || !Number.isInteger(p.quantity) || p.quantity! < 1) return { reply: fail(1602000, 'Variant not found') };
        lines.push({ vid: v.vid, quantity: p.quantity! });
      }
      const order: CjFakeOrder = { orderId: String(210711100018655300n + BigInt(fake.orders.length)), orderNum: body.orderNumber as string, orderStatus: 'CREATED', logisticName: body.logisticName as string, trackNumber: null, createDate: new Date().toISOString(), body, productList: lines };
      fake.orders.push(order);
      if (fake.faults.dropAfterCreate > 0) {
        fake.faults.dropAfterCreate--;
        return { drop: true };
      }
      return { reply: ok({ orderId: order.orderId, orderNumber: order.orderNum, shipmentOrderId: null, orderStatus: order.orderStatus, logisticsMiss: false }) };
    }
    if (path === '/shopping/order/getOrderDetail' && method === 'GET') {
      const id = q.get('orderId');
      if (!id) return { reply: fail(1600300, 'orderId must be not empty') };
      const o = fake.orders.find((x) => x.orderId === id || x.orderNum === id);
      return { reply: o ? ok({ orderId: o.orderId, orderNum: o.orderNum, cjOrderId: o.orderId, orderStatus: o.orderStatus, logisticName: o.logisticName, trackNumber: o.trackNumber, createDate: o.createDate, productList: o.productList }) : fail(1600300, 'order not found') };
    }
    if (path === '/shopping/order/list' && method === 'GET') {
      const pageNum = Number(q.get('pageNum') ?? 1);
      const pageSize = Number(q.get('pageSize') ?? 20);
      const list = fake.orders.slice((pageNum - 1) * pageSize, pageNum * pageSize).map((o) => ({ orderId: o.orderId, orderNum: o.orderNum, cjOrderId: o.orderId, orderStatus: o.orderStatus, logisticName: o.logisticName, trackNumber: o.trackNumber, createDate: o.createDate, productList: null }));
      return { reply: ok({ pageNum, pageSize, total: fake.orders.length, list }) };
    }
    if (path === '/logistic/trackInfo' && method === 'GET') {
      const numbers = q.getAll('trackNumber');
      return { reply: ok(fake.orders.filter((o) => o.trackNumber && numbers.includes(o.trackNumber)).map((o) => ({ trackingNumber: o.trackNumber, logisticName: o.logisticName, trackingFrom: 'CN', trackingTo: 'DE', deliveryDay: '9', deliveryTime: '2026-11-20 07:04:04', trackingStatus: 'In transit', lastMileCarrier: 'DHL', lastTrackNumber: o.trackNumber }))) };
    }
    return { reply: fail(1600101, 'Interface not found') };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify(fail(16900205, 'The request parameter is not in a correct JSON format')));
      }
      const token = (req.headers['cj-access-token'] as string | undefined) ?? null;
      fake.requests.push({ method: req.method ?? 'GET', path: url.pathname.replace(/^\/api2\.0\/v1/, '') + url.search, body: text ? body : null, token });
      const a = answer(req.method ?? 'GET', url, body, token);
      if (a.drop) return void req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.reply));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api2.0/v1`;
  return Object.assign(fake, {
    url,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  });
}
