/**
 * Every GraphQL operation the explorer sends, and nothing else: the public API only. The build
 * writes them, keyed by sha256, to dist/explorer/trusted-documents.json, so a production server that
 * accepts trusted documents only (TRUSTED_DOCUMENTS_FILE) can list them; the page sends each
 * request with its hash (`extensions.persistedQuery.sha256Hash`) and its text.
 */

const RISK_FLAGS = `riskFlags { code severity rule message evidence { type id name date note } }`;

export const OPERATIONS = {
  ExplorerWhoAmI: `query ExplorerWhoAmI {
  sectors(first: 100) { edges { node { code name nameEn } } }
}`,

  ExplorerSearch: `query ExplorerSearch($search: String!, $first: Int!) {
  vendors(filter: { search: $search }, first: $first) {
    edges { node { id name uscc registrationStatus } }
  }
  operators(filter: { search: $search }, first: $first) {
    edges { node { id name uscc divisionName sector { code name nameEn } } }
  }
  systems(filter: { search: $search }, first: $first) {
    edges { node { id name filingNumber protectionLevel isCii divisionName } }
  }
}`,

  ExplorerReach: `query ExplorerReach($vendorId: ID!, $maxHops: Int!, $via: [ReachChannel!], $first: Int!, $after: String) {
  vendorReach(vendorId: $vendorId, maxHops: $maxHops, via: $via, first: $first, after: $after) {
    asOf
    maxHops
    vendor { id name uscc registrationStatus }
    summary { systems ciiSystems levelThreeOrAbove remoteEntries }
    systems {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          entryChannel
          hops
          isCii
          protectionLevel
          remoteEntry
          sectorCode
          system { id name filingNumber divisionName operator { id name } }
          path { kind detail from { type id name } to { type id name } }
        }
      }
    }
  }
}`,

  ExplorerSupplyChain: `query ExplorerSupplyChain($id: ID!, $depth: Int!) {
  node(id: $id) {
    ... on System {
      id
      name
      filingNumber
      protectionLevel
      isCii
      divisionName
      operator { id name }
      supplyChain(depth: $depth) {
        asOf
        depth
        vendors { tier registrationStatus serviceKinds vendor { id name uscc } via { id } }
        personnel { checkStatus checkValidAsOf checkExpiresOn accessKinds person { id name } employer { id name } }
        products { certification product { id name version certified } suppliers { id name } }
      }
    }
  }
}`,

  ExplorerOperatorSystems: `query ExplorerOperatorSystems($id: ID!, $first: Int!, $after: String) {
  node(id: $id) {
    ... on Operator {
      id
      name
      uscc
      divisionName
      sector { code name nameEn }
      systems(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { id name filingNumber protectionLevel isCii divisionName status } }
      }
    }
  }
}`,

  ExplorerSector: `query ExplorerSector($code: String!) {
  sector(code: $code) {
    id
    code
    name
    nameEn
    protectionDepartments(first: 20) { edges { node { id name } } }
    criticalInfrastructures(first: 50) {
      pageInfo { hasNextPage }
      edges {
        node {
          id
          name
          identifiedBy { id name }
          systems(first: 50) {
            edges {
              node { system { id name filingNumber protectionLevel isCii divisionName operator { id name } } }
            }
          }
        }
      }
    }
    sharedVendors(first: 50) {
      edges { node { systems vendor { id name registrationStatus } criticalInfrastructures { id } } }
    }
  }
}`,

  ExplorerNode: `query ExplorerNode($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on System {
      name
      filingNumber
      protectionLevel
      isCii
      status
      divisionName
      operator { name }
      ${RISK_FLAGS}
    }
    ... on Vendor { name uscc registrationStatus registrationNumber ${RISK_FLAGS} }
    ... on Person { personName: name residentIdMasked latestCheck { status checkedOn expiresOn } ${RISK_FLAGS} }
    ... on Operator { name uscc divisionName securityBody sector { name nameEn } }
    ... on Product { name version category certification certified }
    ... on CriticalInfrastructure { name sectorCode identifiedOn identifiedBy { name } }
    ... on ProtectionDepartment { name divisionName }
  }
}`,
} as const;

export type OperationName = keyof typeof OPERATIONS;

/** Page size the explorer asks for (MAX_PAGE_SIZE of the server). */
export const PAGE_SIZE = 500;

/**
 * Page size of `vendorReach` for a hop limit: the server prices a reach at 2^maxHops times its
 * page (GRAPHQL_MAX_COST, default 200,000), so deeper reaches come in smaller pages.
 */
export function reachPageSize(maxHops: number): number {
  return Math.max(10, Math.min(PAGE_SIZE, Math.floor(2_000 / 2 ** maxHops)));
}

/** Most reached systems the explorer fetches for one drawing; the page says when it stops there. */
export const NODE_CAP = 2_000;
