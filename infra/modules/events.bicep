// The storage account's Event Grid system topic: on Flex Consumption, blob triggers run only from Event Grid
// events. The subscription to it needs the function app's blobs_extension key, which exists only once the code
// is deployed, so infra/hooks/postdeploy.sh creates it after `azd deploy` (hooks/blob-subscription.bicep).
param location string
param name string
param tags object
param storageAccountId string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
