import { installQuotaFault } from './quota-fault';

// The init script of the quota fault (see quota-fault.ts), bundled by page-hooks-bundle.ts.
installQuotaFault();
