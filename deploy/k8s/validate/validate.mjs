// Validates rendered manifests (multi-document YAML on stdin) with kubernetes-models: wrong
// types and missing required fields fail. Prints one JSON line: the objects checked, those
// no schema here covers (by apiVersion/kind), and every error. Exit code 1 when any is invalid.
// Misspelt fields are the other check's job (KubernetesClient's strict loading, in the tests).
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

const packages = {
  "keda.sh/v1alpha1": "@kubernetes-models/keda/keda.sh/v1alpha1",
};

async function modelFor(apiVersion, kind) {
  const module = packages[apiVersion] ?? `kubernetes-models/${apiVersion}`;
  try {
    const models = await import(module);
    return models[kind];
  } catch {
    return undefined;
  }
}

const documents = yaml.loadAll(readFileSync(0, "utf8")).filter((d) => d);
const result = { checked: 0, uncovered: [], errors: [] };
for (const document of documents) {
  const name = `${document.apiVersion}/${document.kind} ${document.metadata?.name}`;
  const Model = await modelFor(document.apiVersion, document.kind);
  if (!Model) {
    result.uncovered.push(name);
    continue;
  }
  result.checked++;
  try {
    new Model(document).validate();
  } catch (error) {
    result.errors.push(`${name}: ${error.message}`);
  }
}
console.log(JSON.stringify(result));
process.exit(result.errors.length > 0 ? 1 : 0);
