// Delivers Microsoft.Storage.BlobCreated for the certificate-requests container to the blob trigger of
// RenderCertificate (Event Grid source). Deployed by postdeploy.sh once the code runs; the endpoint carries the
// blobs_extension key, so it is a secure parameter and never an output.
targetScope = 'resourceGroup'

@description('The storage account\'s Event Grid system topic (output EVENT_GRID_TOPIC_NAME of main.bicep).')
param systemTopicName string

@secure()
@description('https://<app>/runtime/webhooks/blobs?functionName=Host.Functions.RenderCertificate&code=<blobs_extension key>')
param webhookEndpoint string

@description('The container whose new blobs are render requests.')
param container string = 'certificate-requests'

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'render-certificate'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: webhookEndpoint
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${container}/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}
