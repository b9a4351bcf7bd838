#!/usr/bin/env sh
# After `azd deploy`: subscribe RenderCertificate's blob trigger to the storage account's Event Grid system topic.
# The blobs_extension key exists only once the code with the Event Grid blob trigger is running, which is why this
# is a hook and not part of main.bicep. The key goes to the deployment as a secure parameter, never to an output.
set -eu

eval "$(azd env get-values)"
key=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  key=$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$FUNCTION_APP_NAME" --query systemKeys.blobs_extension -o tsv 2>/dev/null || true)
  [ -n "$key" ] && break
  echo "Waiting for the function app to register its blob trigger ($attempt/10)..."
  sleep 15
done
[ -n "$key" ] || { echo "The function app has no blobs_extension key yet; run 'azd hooks run postdeploy' again in a minute." >&2; exit 1; }

az deployment group create -g "$AZURE_RESOURCE_GROUP" --name blob-subscription \
  --template-file "$(dirname "$0")/blob-subscription.bicep" \
  --parameters systemTopicName="$EVENT_GRID_TOPIC_NAME" \
               webhookEndpoint="${API_URL}/runtime/webhooks/blobs?functionName=Host.Functions.RenderCertificate&code=${key}" \
  --output none
echo "Certificate render requests now reach RenderCertificate through Event Grid."
