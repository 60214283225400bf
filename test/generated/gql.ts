/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CiiSystemsOfSector($sectorCode: String!, $first: Int) {\n  systems(filter: {sectorCode: $sectorCode, isCii: true}, first: $first) {\n    totalCount\n    edges {\n      node {\n        name\n        protectionLevel\n        filingNumber\n        operator {\n          name\n          uscc\n          divisionName\n        }\n        vendors(first: 20) {\n          edges {\n            node {\n              name\n              registrationStatus\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nquery OperatorsSystemsVendorsPersonnel($first: Int!) {\n  operators(first: $first) {\n    edges {\n      node {\n        name\n        systems(first: 50) {\n          edges {\n            node {\n              name\n              vendors(first: 20) {\n                edges {\n                  node {\n                    name\n                    personnel(first: 50) {\n                      edges {\n                        node {\n                          name\n                          residentIdMasked\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.CiiSystemsOfSectorDocument,
};
const documents: Documents = {
    "query CiiSystemsOfSector($sectorCode: String!, $first: Int) {\n  systems(filter: {sectorCode: $sectorCode, isCii: true}, first: $first) {\n    totalCount\n    edges {\n      node {\n        name\n        protectionLevel\n        filingNumber\n        operator {\n          name\n          uscc\n          divisionName\n        }\n        vendors(first: 20) {\n          edges {\n            node {\n              name\n              registrationStatus\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nquery OperatorsSystemsVendorsPersonnel($first: Int!) {\n  operators(first: $first) {\n    edges {\n      node {\n        name\n        systems(first: 50) {\n          edges {\n            node {\n              name\n              vendors(first: 20) {\n                edges {\n                  node {\n                    name\n                    personnel(first: 50) {\n                      edges {\n                        node {\n                          name\n                          residentIdMasked\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.CiiSystemsOfSectorDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CiiSystemsOfSector($sectorCode: String!, $first: Int) {\n  systems(filter: {sectorCode: $sectorCode, isCii: true}, first: $first) {\n    totalCount\n    edges {\n      node {\n        name\n        protectionLevel\n        filingNumber\n        operator {\n          name\n          uscc\n          divisionName\n        }\n        vendors(first: 20) {\n          edges {\n            node {\n              name\n              registrationStatus\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nquery OperatorsSystemsVendorsPersonnel($first: Int!) {\n  operators(first: $first) {\n    edges {\n      node {\n        name\n        systems(first: 50) {\n          edges {\n            node {\n              name\n              vendors(first: 20) {\n                edges {\n                  node {\n                    name\n                    personnel(first: 50) {\n                      edges {\n                        node {\n                          name\n                          residentIdMasked\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CiiSystemsOfSector($sectorCode: String!, $first: Int) {\n  systems(filter: {sectorCode: $sectorCode, isCii: true}, first: $first) {\n    totalCount\n    edges {\n      node {\n        name\n        protectionLevel\n        filingNumber\n        operator {\n          name\n          uscc\n          divisionName\n        }\n        vendors(first: 20) {\n          edges {\n            node {\n              name\n              registrationStatus\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nquery OperatorsSystemsVendorsPersonnel($first: Int!) {\n  operators(first: $first) {\n    edges {\n      node {\n        name\n        systems(first: 50) {\n          edges {\n            node {\n              name\n              vendors(first: 20) {\n                edges {\n                  node {\n                    name\n                    personnel(first: 50) {\n                      edges {\n                        node {\n                          name\n                          residentIdMasked\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;