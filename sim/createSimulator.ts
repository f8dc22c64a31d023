import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { simulatorApp } from './app';
import { Autopilot } from './autopilot';
import { AutopilotRuns } from './autopilotRuns';
import { Carrier } from './carrier';
import { CaseScripts } from './caseScripts';
import { seedCatalogue } from './catalogue/seedCatalogue';
import { CustomerSystem } from './customerSystem';
import { Faults } from './faults';
import { IdempotentReplies } from './idempotency';
import { InstallationAutopilot } from './installationAutopilot';
import { Installers, type InstallationTimes } from './installers';
import { Ledger } from './ledger';
import { OrderSystem } from './orderSystem';
import { catalogueControlRoutes } from './routes/catalogueControl';
import { commandRoutes } from './routes/commands';
import { controlRoutes } from './routes/control';
import { customerRoutes } from './routes/customers';
import { installerRoutes } from './routes/installers';
import { inventoryRoutes } from './routes/inventory';
import { logisticsRoutes } from './routes/logistics';
import { notificationRoutes } from './routes/notifications';
import { orderRoutes } from './routes/orders';
import { paymentsRoutes } from './routes/payments';
import { supplierRoutes } from './routes/suppliers';
import { RepairAutopilot } from './repairAutopilot';
import { Suppliers, type VisitTimes } from './suppliers';
import { Warehouse } from './warehouse';
import { WebhookSender } from './webhookSender';

/** The partner systems our activities call, in one process, calling our webhooks back. */

export interface SimulatorOptions {
  webhookSecret: string;
  /** Base URL of our API, where webhooks go; may be set later with setWebhookTarget. */
  webhookTarget?: string;
  /**
   * Drive carrier and warehouse events after a label is created, supplier steps after a repair
   * order, and an installer's report after an installation is booked.
   */
  autopilot: boolean;
  /** supplierStepMs: the time between one supplier step and the next; installerStepMs: from a booking to its report. */
  delays?: { pickupMs?: number; deliveryMs?: number; inspectionMs?: number; supplierStepMs?: number; installerStepMs?: number };
  /** When technicians can come; unset: the mornings after the order. */
  visitTimes?: VisitTimes;
  /** When installers' technicians can come; unset: the mornings from the date an installation may start. */
  installationTimes?: InstallationTimes;
  /** Units per SKU unless seeded (POST /sim/catalog); SKUs starting with OOS- have none. */
  defaultStock?: number;
  /** Seed of the catalogue of customers and orders the order and customer systems start with; unset: a fixed one. */
  seed?: number;
  /** false: the order and customer systems start empty, for tests that need a blank system. */
  catalogue?: boolean;
  /** Silent when absent: embedding code (tests, the local stack) passes its own. */
  logger?: pino.Logger;
}

export interface Simulator {
  /** Base URL; only known after start. */
  readonly url: string;
  /** Port 0 picks a free port; resolves with the base URL, e.g. http://127.0.0.1:PORT. */
  start(port?: number, host?: string): Promise<string>;
  /** Closes the server and cancels pending autopilot events. */
  stop(): Promise<void>;
  setWebhookTarget(url: string): void;
}

const DEFAULT_DELAY_MS = 1_000;

/** A URL a client can dial: wildcard binds are reached on loopback, IPv6 literals need brackets. */
function baseUrl(host: string, port: number): string {
  const dialable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${dialable.includes(':') ? `[${dialable}]` : dialable}:${port}`;
}

export function createSimulator(opts: SimulatorOptions): Simulator {
  const logger = opts.logger ?? pino({ level: 'silent' });
  const ledger = new Ledger();
  const warehouse = new Warehouse(ledger, opts.defaultStock ?? 100);
  const carrier = new Carrier(ledger, warehouse);
  const suppliers = new Suppliers(ledger, opts.visitTimes);
  const installers = new Installers(ledger, opts.installationTimes);
  const catalogue = opts.catalogue === false ? { customers: [], orders: [] } : seedCatalogue({ now: new Date(), seed: opts.seed });
  const orders = new OrderSystem(ledger, catalogue.orders);
  const customers = new CustomerSystem(catalogue.customers, orders);
  const faults = new Faults();
  const replies = new IdempotentReplies();
  const scripts = new CaseScripts();
  const sender = new WebhookSender(opts.webhookSecret, ledger, logger, opts.webhookTarget);
  const runs = new AutopilotRuns(sender, logger);
  const autopilot = new Autopilot({
    enabled: opts.autopilot,
    delays: {
      pickupMs: opts.delays?.pickupMs ?? DEFAULT_DELAY_MS,
      deliveryMs: opts.delays?.deliveryMs ?? DEFAULT_DELAY_MS,
      inspectionMs: opts.delays?.inspectionMs ?? DEFAULT_DELAY_MS,
    },
    scripts,
    runs,
  });
  const repairAutopilot = new RepairAutopilot({
    enabled: opts.autopilot,
    stepDelayMs: opts.delays?.supplierStepMs ?? DEFAULT_DELAY_MS,
    scripts,
    runs,
  });
  const installationAutopilot = new InstallationAutopilot({
    enabled: opts.autopilot,
    stepDelayMs: opts.delays?.installerStepMs ?? DEFAULT_DELAY_MS,
    scripts,
    runs,
  });

  async function reset(): Promise<void> {
    await runs.stop();
    for (const part of [ledger, warehouse, carrier, suppliers, installers, orders, customers, faults, replies, scripts]) part.reset();
  }

  const partner = { faults, replies };
  const app = simulatorApp(logger, [
    inventoryRoutes({ ...partner, warehouse }),
    logisticsRoutes({
      ...partner,
      carrier,
      onLabelCreated: (label) => autopilot.labelCreated(label),
      onLabelVoided: (labelId) => autopilot.labelVoided(labelId),
    }),
    paymentsRoutes({ ...partner, ledger }),
    notificationRoutes({ ...partner, ledger }),
    supplierRoutes({
      ...partner,
      suppliers,
      onOrderPlaced: (order) => repairAutopilot.orderPlaced(order),
      onOrderCancelled: (repairOrderId) => repairAutopilot.orderCancelled(repairOrderId),
      onVisitBooked: (order) => repairAutopilot.visitBooked(order),
    }),
    installerRoutes({
      ...partner,
      installers,
      onJobScheduled: (job) => installationAutopilot.jobScheduled(job),
      onJobCancelled: (jobId) => installationAutopilot.jobCancelled(jobId),
    }),
    orderRoutes({ ...partner, orders }),
    customerRoutes({ faults, customers }),
    controlRoutes({ ledger, scripts, faults, warehouse, reset }),
    catalogueControlRoutes({ orders, customers }),
    commandRoutes({ sender, carrier, suppliers, installers, orders }),
  ]);

  let server: Server | undefined;
  let url: string | undefined;

  return {
    get url() {
      if (url === undefined) throw new Error('simulator not started');
      return url;
    },

    async start(port = 0, host = '127.0.0.1') {
      if (server) throw new Error('simulator already started');
      const listening = createServer(app);
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => {
          listening.off('error', reject);
          resolve();
        });
      });
      server = listening;
      url = baseUrl(host, (listening.address() as AddressInfo).port);
      logger.info({ url }, 'partner simulator listening');
      return url;
    },

    async stop() {
      await runs.stop();
      const closing = server;
      server = undefined;
      url = undefined;
      if (!closing) return;
      await new Promise<void>((resolve, reject) => {
        closing.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets from fetch clients would otherwise hold close() open for seconds.
        closing.closeAllConnections();
      });
    },

    setWebhookTarget(target) {
      sender.setTarget(target);
    },
  };
}
